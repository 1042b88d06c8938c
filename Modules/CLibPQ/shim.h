// libpq, PostgreSQL's standard client library (Debian: libpq-dev).
#include <libpq-fe.h>
