#!/usr/bin/env python3
"""TF-IDF + linear SVM (scikit-learn) on the same history and split as `lapor suggest --evaluate`,
for docs/routing.md: the baseline the issue names, measured outside the desk. Not part of CI.

    lapor export --format csv -o accepted.csv --where '~s in_progress | ~s awaiting_reporter | ~s resolved'
    python3 -m pip install scikit-learn && python3 Tests/routing/svm_baseline.py accepted.csv
"""
import csv
import sys

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC

rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
rows.sort(key=lambda r: r["submitted_at"])
cut = int(len(rows) * 0.8)
train, test = rows[:cut], rows[cut:]
text = lambda rs: [r["title"] + " " + r["body"] for r in rs]
vectorizer = TfidfVectorizer(sublinear_tf=True)
svm = LinearSVC().fit(vectorizer.fit_transform(text(train)), [r["agency"] for r in train])
ranked = np.argsort(-svm.decision_function(vectorizer.transform(text(test))), axis=1)[:, :3]
truth = [r["agency"] for r in test]
top1 = np.mean([svm.classes_[ranked[i, 0]] == t for i, t in enumerate(truth)])
top3 = np.mean([t in svm.classes_[ranked[i]] for i, t in enumerate(truth)])
print(f"TF-IDF + LinearSVC: trained on {len(train)}, tested {len(test)}: top-1 {top1:.3f} top-3 {top3:.3f}")
