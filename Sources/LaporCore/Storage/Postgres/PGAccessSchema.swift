/// Migration v5: the server itself keeps desk roles to their rights (docs/security.md, "PostgreSQL").
///
/// Each desk user connects as a server role of the same name, a member of one group role per desk
/// role and database (`DB_operator`, `DB_supervisor`, `DB_agency`, `DB_viewer`, made here once). Grants give each group only the statements its desk role makes; row-level security
/// keeps a liaison to its agency's reports (and those routed to it before), their history and
/// requests. Policies for the roles that see everything are `true`, so their queries plan as
/// before. Protected reporters' identities move, by trigger, into `report_identity`, which no desk
/// role may read: the report keeps an empty name and a keyed pseudonym of the contact (the same
/// sender still groups); a supervisor reads them through `lapor_reveal`, which writes the reveal
/// audit record in the same transaction. The owner (who migrates) is not subject to any of it.
enum PGAccessSchema {
    /// The migration's SQL for one database: group names carry the database's name.
    static func sql(database: String) -> String { named(sql, database: database) }

    /// `sql` with `{db}` (in group role names) replaced by the database's name.
    static func named(_ sql: String, database: String) -> String {
        sql.replacingOccurrences(of: "{db}", with: database.replacingOccurrences(of: "\"", with: "\"\""))
    }

    /// A protected report's identity column as the owner reads it (the desk roles cannot).
    static func identity(_ column: String) -> String {
        let source = column == "reporter_name" ? "name" : "contact"
        return """
            CASE WHEN report.anonymous = 1 OR report.confidential = 1 THEN coalesce((SELECT i.\(source) FROM report_identity i \
            WHERE i.report_id = report.id), report.\(column)) ELSE report.\(column) END
            """
    }

    private static var sql: String { roles + helpers + identities + grants + policies }

    /// The group roles, made once per database (a person may supervise one desk and be a liaison
    /// on another in the same cluster); `{db}` in the SQL below is the database's name.
    private static var roles: String {
        Role.assignable.map { role in
            """
            DO $$ BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_database() || '_\(role.rawValue)') THEN
                    EXECUTE format('CREATE ROLE %I NOLOGIN', current_database() || '_\(role.rawValue)');
                END IF;
            EXCEPTION
                WHEN duplicate_object OR unique_violation THEN NULL;
                WHEN insufficient_privilege THEN RAISE EXCEPTION
                    'the desk''s owner needs CREATEROLE once to make the group role %', current_database() || '_\(role.rawValue)';
            END $$;

            """
        }.joined()
    }

    private static let helpers = """
        CREATE FUNCTION lapor_my_agency() RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = public, pg_temp
            AS $$ SELECT agency_id FROM "user" WHERE login = session_user::text AND role = 'agency' $$;
        CREATE FUNCTION lapor_desk_role(login text, role text) RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
            BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login) THEN
                    EXECUTE format('CREATE ROLE %I LOGIN', login);
                END IF;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
            END;
            EXECUTE format('GRANT %I TO %I', current_database() || '_' || role, login);
            IF role = 'supervisor' AND NOT (SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = login) THEN
                EXECUTE format('ALTER ROLE %I CREATEROLE', login);
            END IF;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE EXCEPTION 'the connected server role may not create or grant the role % (it needs CREATEROLE)', login
                USING ERRCODE = '42501';
        END $$;
        CREATE INDEX audit_to_agency ON audit (to_agency_id, report_id) WHERE to_agency_id IS NOT NULL;
        CREATE FUNCTION lapor_routed_here() RETURNS bigint[] LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = public, pg_temp
            AS $$ SELECT coalesce(array_agg(DISTINCT report_id), '{}') FROM audit
                  WHERE to_agency_id = lapor_my_agency() AND report_id IS NOT NULL $$;

        """

    private static let identities = """
        CREATE TABLE lapor_secret (
            id bigint PRIMARY KEY CHECK (id = 1),
            value text NOT NULL
        );
        INSERT INTO lapor_secret VALUES (1, md5(gen_random_uuid()::text || clock_timestamp()::text || random()::text));
        CREATE TABLE report_identity (
            report_id bigint PRIMARY KEY REFERENCES report(id) DEFERRABLE INITIALLY DEFERRED,
            name text NOT NULL DEFAULT '',
            contact text NOT NULL DEFAULT ''
        );
        CREATE FUNCTION lapor_contact_token(text) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = public, pg_temp
            AS $$ SELECT CASE WHEN $1 = '' THEN '' ELSE 'anon-' || substr(md5((SELECT value FROM lapor_secret)
                  || lower(regexp_replace($1, '[^[:alnum:]@]', '', 'g'))), 1, 16) END $$;
        INSERT INTO report_identity (report_id, name, contact)
            SELECT id, reporter_name, reporter_contact FROM report WHERE anonymous = 1 OR confidential = 1;
        UPDATE report SET reporter_name = '', reporter_contact = lapor_contact_token(reporter_contact)
            WHERE anonymous = 1 OR confidential = 1;
        CREATE FUNCTION lapor_protect_identity() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
            SET search_path = public, pg_temp AS $$
        DECLARE
            protected boolean := NEW.anonymous = 1 OR NEW.confidential = 1;
            was boolean := TG_OP = 'UPDATE' AND (OLD.anonymous = 1 OR OLD.confidential = 1);
        BEGIN
            IF was AND NEW.reporter_name = OLD.reporter_name AND NEW.reporter_contact = OLD.reporter_contact THEN
                -- The stored (masked) values came back as they were read.
                IF protected THEN RETURN NEW; END IF;
                SELECT i.name, i.contact INTO NEW.reporter_name, NEW.reporter_contact
                    FROM report_identity i WHERE i.report_id = NEW.id;
                DELETE FROM report_identity WHERE report_id = NEW.id;
                RETURN NEW;
            END IF;
            IF NOT protected THEN
                IF was THEN DELETE FROM report_identity WHERE report_id = NEW.id; END IF;
                RETURN NEW;
            END IF;
            INSERT INTO report_identity AS i (report_id, name, contact)
                VALUES (NEW.id, NEW.reporter_name, NEW.reporter_contact)
                ON CONFLICT (report_id) DO UPDATE SET name = excluded.name, contact = excluded.contact;
            NEW.reporter_name := '';
            NEW.reporter_contact := lapor_contact_token(NEW.reporter_contact);
            RETURN NEW;
        END $$;
        CREATE TRIGGER report_identity_insert BEFORE INSERT ON report FOR EACH ROW
            WHEN (NEW.anonymous = 1 OR NEW.confidential = 1) EXECUTE FUNCTION lapor_protect_identity();
        CREATE TRIGGER report_identity_update BEFORE UPDATE OF reporter_name, reporter_contact, anonymous, confidential
            ON report FOR EACH ROW EXECUTE FUNCTION lapor_protect_identity();
        CREATE FUNCTION lapor_reveal(actor text, at bigint, ids bigint[], about bigint, note text)
            RETURNS TABLE (report_id bigint, name text, contact text)
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE
            who text := session_user::text;
            mine text;
            theirs text;
        BEGIN
            SELECT u.role INTO mine FROM "user" u WHERE u.login = who;
            IF mine IS NULL THEN
                IF NOT (pg_has_role(who, (SELECT c.relowner FROM pg_class c WHERE c.oid = 'public.report'::regclass), 'MEMBER')
                        OR (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = who)) THEN
                    RAISE EXCEPTION 'the server role % is not a desk user here', who USING ERRCODE = '42501';
                END IF;
            ELSIF mine <> 'supervisor' OR actor <> who THEN
                RAISE EXCEPTION 'only a supervisor may reveal reporters'' identities, as themselves'
                    USING ERRCODE = '42501';
            END IF;
            SELECT u.role INTO theirs FROM "user" u WHERE u.login = actor;
            IF theirs IS DISTINCT FROM 'supervisor' THEN
                RAISE EXCEPTION 'only a supervisor may reveal reporters'' identities' USING ERRCODE = '42501';
            END IF;
            INSERT INTO audit (at, actor, role, action, report_id, note) VALUES (at, actor, 'supervisor', 'reveal', about, note);
            RAISE LOG 'lapor: % revealed % identities (%)', actor, cardinality(ids), note;
            RETURN QUERY SELECT i.report_id, i.name, i.contact FROM report_identity i WHERE i.report_id = ANY (ids);
        END $$;
        CREATE FUNCTION lapor_identity_is(id bigint, name text, contact text) RETURNS boolean
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
            AS $$ SELECT EXISTS (SELECT 1 FROM report_identity i, "user" u
                  WHERE i.report_id = $1 AND i.name = $2 AND i.contact = $3
                    AND u.login = session_user::text AND u.role IN ('operator', 'supervisor')) $$;
        REVOKE ALL ON FUNCTION lapor_reveal(text, bigint, bigint[], bigint, text) FROM PUBLIC;
        REVOKE ALL ON FUNCTION lapor_identity_is(bigint, text, text) FROM PUBLIC;
        REVOKE ALL ON FUNCTION lapor_contact_token(text) FROM PUBLIC;

        """

    private static let grants = """
        REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
        GRANT USAGE ON SCHEMA public TO "{db}_operator", "{db}_supervisor", "{db}_agency", "{db}_viewer";
        GRANT SELECT ON lapor_migration, setting, agency, "user", report, audit, holiday, routing_rule, report_origin,
            routing_model, reply_template, info_request, daily_count, daily_total
            TO "{db}_operator", "{db}_supervisor", "{db}_agency", "{db}_viewer";
        GRANT INSERT, UPDATE ON report, report_origin, info_request, routing_model, daily_count, daily_total, agency
            TO "{db}_operator", "{db}_supervisor";
        GRANT INSERT, UPDATE, DELETE ON setting, "user", holiday, routing_rule, reply_template TO "{db}_supervisor";
        GRANT DELETE ON daily_count, daily_total TO "{db}_supervisor";
        GRANT UPDATE ON report TO "{db}_agency";
        GRANT INSERT, UPDATE ON info_request TO "{db}_agency";
        GRANT INSERT ON audit TO "{db}_operator", "{db}_supervisor", "{db}_agency";
        GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO "{db}_operator", "{db}_supervisor", "{db}_agency";
        GRANT EXECUTE ON FUNCTION lapor_reveal(text, bigint, bigint[], bigint, text) TO "{db}_supervisor";
        GRANT EXECUTE ON FUNCTION lapor_identity_is(bigint, text, text) TO "{db}_operator", "{db}_supervisor";
        ALTER FUNCTION lapor_count_change() SECURITY DEFINER SET search_path = public, pg_temp;

        """

    private static let policies = """
        ALTER TABLE report ENABLE ROW LEVEL SECURITY;
        CREATE POLICY staff_read ON report FOR SELECT TO "{db}_operator", "{db}_supervisor", "{db}_viewer" USING (true);
        CREATE POLICY staff_add ON report FOR INSERT TO "{db}_operator", "{db}_supervisor" WITH CHECK (true);
        CREATE POLICY staff_change ON report FOR UPDATE TO "{db}_operator", "{db}_supervisor" USING (true);
        CREATE POLICY liaison_read ON report FOR SELECT TO "{db}_agency"
            USING (agency_id = (SELECT lapor_my_agency()) OR id IN (SELECT unnest(lapor_routed_here())));
        CREATE POLICY liaison_change ON report FOR UPDATE TO "{db}_agency"
            USING (agency_id = (SELECT lapor_my_agency()))
            WITH CHECK (agency_id IS NULL OR agency_id = (SELECT lapor_my_agency()));
        ALTER TABLE audit ENABLE ROW LEVEL SECURITY;
        CREATE POLICY staff_read ON audit FOR SELECT TO "{db}_operator", "{db}_supervisor", "{db}_viewer" USING (true);
        CREATE POLICY liaison_read ON audit FOR SELECT TO "{db}_agency"
            USING (report_id IS NOT NULL AND EXISTS (SELECT 1 FROM report r WHERE r.id = audit.report_id));
        CREATE POLICY supervisor_add ON audit FOR INSERT TO "{db}_supervisor" WITH CHECK (true);
        CREATE POLICY own_add ON audit FOR INSERT TO "{db}_operator", "{db}_agency"
            WITH CHECK (actor = session_user::text);
        ALTER TABLE info_request ENABLE ROW LEVEL SECURITY;
        CREATE POLICY staff_all ON info_request FOR ALL TO "{db}_operator", "{db}_supervisor", "{db}_viewer"
            USING (true) WITH CHECK (true);
        CREATE POLICY liaison_all ON info_request FOR ALL TO "{db}_agency"
            USING (EXISTS (SELECT 1 FROM report r WHERE r.id = info_request.report_id))
            WITH CHECK (EXISTS (SELECT 1 FROM report r WHERE r.id = info_request.report_id));
        ALTER TABLE report_origin ENABLE ROW LEVEL SECURITY;
        CREATE POLICY staff_all ON report_origin FOR ALL TO "{db}_operator", "{db}_supervisor", "{db}_viewer"
            USING (true) WITH CHECK (true);
        CREATE POLICY liaison_read ON report_origin FOR SELECT TO "{db}_agency"
            USING (EXISTS (SELECT 1 FROM report r WHERE r.tracking_id = report_origin.tracking_id));
        """
}
