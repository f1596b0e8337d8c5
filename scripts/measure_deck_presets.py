"""Measure what Anki (the real engine, the `anki` wheel) does with a deck preset shipped in an .apkg.

Run: python scripts/measure_deck_presets.py. Prints, per scenario, each deck's preset (PKG = the
package's, PKG10 = a second id for pace 10), its new cards/day, and how many new cards Anki would
show today from the top deck (3 weeks x 10 cards). Results for anki 26.9.3 are in README.md
("The pace in Anki"). Uses genanki directly: a throw-away measurement, not deckgen code.
"""

# ruff: noqa
import json, sqlite3, tempfile, os, zipfile, itertools, sys, time
from pathlib import Path
import genanki
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki import import_export_pb2 as ie

OUT = Path(tempfile.mkdtemp())
MODEL = genanki.Model(
    1600000001,
    "Gen QA",
    fields=[{"name": "Q"}, {"name": "A"}],
    templates=[{"name": "Card 1", "qfmt": "{{Q}}", "afmt": "{{A}}"}],
)
CONF_ID = 1700000123456


def package(name, per_day, ts, conf_mod, weeks=3, per_week=10, parent_in_pkg=True, conf_name=None, conf_id=CONF_ID):
    decks = []
    if parent_in_pkg:
        decks.append(genanki.Deck(1111, "Track"))
    for w in range(weeks):
        d = genanki.Deck(2000 + w, f"Track::Week {w + 1}")
        for i in range(per_week):
            d.add_note(genanki.Note(model=MODEL, fields=[f"q{w}-{i}", "a"], guid=f"g{w}-{i}"))
        decks.append(d)
    db = OUT / f"{name}.anki2"
    if db.exists():
        db.unlink()
    conn = sqlite3.connect(db)
    genanki.Package(decks).write_to_db(conn.cursor(), ts, itertools.count(ts * 1000))
    if per_day is not None:
        (dconf_s, decks_s) = conn.execute("select dconf, decks from col").fetchone()
        dconf = json.loads(dconf_s)
        dj = json.loads(decks_s)
        conf = json.loads(json.dumps(dconf["1"]))
        conf.update(id=conf_id, name=conf_name or f"Track: {per_day} new/day", mod=conf_mod, usn=-1)
        conf["new"]["perDay"] = per_day
        dconf[str(conf_id)] = conf
        for k, d in dj.items():
            if d["name"].startswith("Track"):
                d["conf"] = conf_id
        conn.execute("update col set dconf=?, decks=?", (json.dumps(dconf), json.dumps(dj)))
    conn.commit()
    conn.close()
    apkg = OUT / f"{name}.apkg"
    with zipfile.ZipFile(apkg, "w") as z:
        z.write(db, "collection.anki2")
        z.writestr("media", "{}")
    return apkg


def imp(col, apkg, cfg):
    opts = ImportAnkiPackageOptions(
        merge_notetypes=False,
        update_notes=ie.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
        update_notetypes=ie.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
        with_scheduling=False,
        with_deck_configs=cfg,
    )
    col.import_anki_package(ImportAnkiPackageRequest(package_path=str(apkg), options=opts))
    col.models._clear_cache()


def state(col, label):
    out = {}
    for name in ["Track", "Track::Week 1", "Track::Week 2"]:
        did = col.decks.id_for_name(name)
        if not did:
            out[name] = None
            continue
        c = col.decks.config_dict_for_deck_id(did)
        out[name] = (
            c["id"]
            if c["id"] in (1,)
            else ("PKG" if c["id"] == CONF_ID else ("PKG10" if c["id"] == CONF_ID + 10 else c["id"])),
            c["name"],
            c["new"]["perDay"],
        )
    did = col.decks.id_for_name("Track")
    col.decks.select(did)

    counts = col.sched.counts()
    print(f"{label:60s} {out}  top-deck new today={counts[0]}")


def fresh(name):
    p = OUT / f"{name}.col.anki2"
    return Collection(str(p))


T = 1_700_000_000
p6 = package("p6", 6, T, T)
p6b = package("p6b", 6, T + 86400, T)  # later release, same preset unchanged
p10 = package("p10", 10, T + 2 * 86400, T + 2 * 86400)  # curator changes pace
p6np = package("p6np", 6, T, T, parent_in_pkg=False)
pnone = package("pnone", None, T, T)

for cfg in (False, True):
    col = fresh(f"f{cfg}")
    imp(col, p6, cfg)
    state(col, f"fresh import with_deck_configs={cfg}")
    col.close()
col = fresh("np")
imp(col, p6np, True)
state(col, "fresh, parent deck NOT in package, configs on")
col.close()
col = fresh("none")
imp(col, pnone, True)
state(col, "fresh, no preset in package, configs on")
col.close()

# (a) learner edits preset
for cfg2 in (False, True):
    for nxt, nl in ((p6b, "same preset (mod unchanged) later release"), (p10, "curator pace 10 (newer mod)")):
        col = fresh(f"a{cfg2}{nl[:4]}")
        imp(col, p6, True)
        c = col.decks.get_config(CONF_ID)
        c["new"]["perDay"] = 3
        col.decks.update_config(c)
        state(col, "(a) learner set preset to 3")
        imp(col, nxt, cfg2)
        state(col, f"(a) then import {nl}, configs={cfg2}")
        col.close()

# (b) learner switches deck to own preset
for cfg2 in (False, True):
    for nxt, nl in ((p6b, "same preset later release"), (p10, "curator pace 10")):
        col = fresh(f"b{cfg2}{nl[:4]}")
        imp(col, p6, True)
        mine = col.decks.add_config_returning_id("Mine")
        c = col.decks.get_config(mine)
        c["new"]["perDay"] = 15
        col.decks.update_config(c)
        for name in ("Track", "Track::Week 1", "Track::Week 2", "Track::Week 3"):
            d = col.decks.by_name(name)
            d["conf"] = mine
            col.decks.save(d)
        state(col, "(b) learner switched all Track decks to 'Mine' (15)")
        imp(col, nxt, cfg2)
        state(col, f"(b) then import {nl}, configs={cfg2}")
        col.close()

# (c) curator changes pace, learner untouched
for cfg2 in (False, True):
    col = fresh(f"c{cfg2}")
    imp(col, p6, True)
    imp(col, p10, cfg2)
    state(col, f"(c) import pace-10 release, configs={cfg2}")
    col.close()
# (c2) first imported with configs off (default 20) then later with on
col = fresh("c3")
imp(col, p6, False)
imp(col, p10, True)
state(col, "(c') first import configs off, then pace-10 release with configs on")
col.close()

print("--- realistic times: curator's pace-10 release made AFTER the learner's import/edit (mod = now+1h)")
NOW = int(time.time())
p10f = package("p10f", 10, NOW + 3600, NOW + 3600)
for cfg2 in (False, True):
    col = fresh(f"cf{cfg2}")
    imp(col, p6, True)
    print("   preset mod in collection after import:", col.decks.get_config(CONF_ID)["mod"])
    imp(col, p10f, cfg2)
    state(col, f"(c) untouched learner, pace-10 release later, configs={cfg2}")
    col.close()
    col = fresh(f"af{cfg2}")
    imp(col, p6, True)
    c = col.decks.get_config(CONF_ID)
    c["new"]["perDay"] = 3
    col.decks.update_config(c)
    imp(col, p10f, cfg2)
    state(col, f"(a) learner set 3, pace-10 release later, configs={cfg2}")
    col.close()
# different preset id per pace
p10id = package("p10id", 10, NOW + 3600, NOW + 3600, conf_id=CONF_ID + 10)
print("--- curator's pace change under a NEW preset id (one id per track and pace)")
for cfg2 in (False, True):
    col = fresh(f"ci{cfg2}")
    imp(col, p6, True)
    imp(col, p10id, cfg2)
    state(col, f"(c) untouched learner, pace-10 new id, configs={cfg2}")
    col.close()
    col = fresh(f"ai{cfg2}")
    imp(col, p6, True)
    c = col.decks.get_config(CONF_ID)
    c["new"]["perDay"] = 3
    col.decks.update_config(c)
    imp(col, p10id, cfg2)
    state(col, f"(a) learner set 3, pace-10 new id, configs={cfg2}")
    col.close()
    col = fresh(f"bi{cfg2}")
    imp(col, p6, True)
    mine = col.decks.add_config_returning_id("Mine")
    for name in ("Track", "Track::Week 1", "Track::Week 2", "Track::Week 3"):
        d = col.decks.by_name(name)
        d["conf"] = mine
        col.decks.save(d)
    imp(col, p10id, cfg2)
    state(col, f"(b) learner switched to Mine(20), pace-10 new id, configs={cfg2}")
    col.close()
# learner edits preset, then re-import same package with configs on: deck stays?
col = fresh("same")
imp(col, p6, True)
c = col.decks.get_config(CONF_ID)
c["new"]["perDay"] = 3
col.decks.update_config(c)
imp(col, p6, True)
state(col, "(a) learner set 3, same release re-imported, configs=True")
col.close()
# existing learner who first imported without presets, later release same preset id with configs on
col = fresh("late")
imp(col, p6, False)
imp(col, p6b, True)
state(col, "first import configs off, next release (same preset) configs on")
col.close()
