"""Run under an older ``anki`` wheel (a separate venv): import an .apkg, print every card's HTML.

Usage: python old_anki_render.py PACKAGE.apkg COLLECTION.anki2 — prints one JSON list of
{"question", "answer", "av"} objects. Only the standard library and ``anki`` are used.
"""

import json
import sys

import anki.lang
from anki.collection import Collection
from anki.importing.apkg import AnkiPackageImporter

anki.lang.set_lang("en_US")
col = Collection(sys.argv[2])
try:
    AnkiPackageImporter(col, sys.argv[1]).run()
    out = []
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        question, answer = card.question(), card.answer()
        av = [repr(tag) for tag in card.question_av_tags() + card.answer_av_tags()]
        out.append({"question": question, "answer": answer, "av": av})
    print(json.dumps(out))
finally:
    col.close()
