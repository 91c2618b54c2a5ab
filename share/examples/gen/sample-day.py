#!/usr/bin/env python3
"""Generate the Denver sample day: share/examples/techs.csv and jobs.csv.

    python3 share/examples/gen/sample-day.py share/examples

The CSVs are committed; this script is how they were made, kept so the day
can be reshaped on purpose (it is seeded: the same script gives the same
files). Street names are real, house numbers are made up, coordinates fall
in the territory's part of the metro. Phone numbers use 555-01xx, the range
kept for fiction; e-mail addresses use example.com.

It prints a supply/demand summary per trade so the day stays "roughly
85-95% doable by 25 techs", not trivially all.
"""
import csv
import os
import random
import sys

DAY = "2026-11-23"
OFFSET = "-07:00"
rng = random.Random(20261123)


def at(hhmm):
    return f"{DAY}T{hhmm}:00{OFFSET}"


def minutes(hhmm):
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)


def coord(x):
    # Four decimals (about 11 m); repr keeps the shortest form, which is
    # also how fsd-export writes the number back.
    return repr(round(x, 4))


# Territory: (lat range, lon range, [(street, city, zip), ...])
TERRITORIES = {
    "north": ((39.80, 39.94), (-105.03, -104.90), [
        ("Washington St", "Thornton", "80229"), ("E 120th Ave", "Thornton", "80233"),
        ("Huron St", "Northglenn", "80234"), ("W 104th Ave", "Northglenn", "80234"),
        ("Pecos St", "Federal Heights", "80260"), ("E 88th Ave", "Thornton", "80229"),
        ("Grant St", "Thornton", "80229"), ("Federal Blvd", "Westminster", "80031"),
        ("E 136th Ave", "Thornton", "80602"), ("Holly St", "Thornton", "80602"),
        ("E 64th Ave", "Commerce City", "80022"), ("Quebec St", "Commerce City", "80022"),
    ]),
    "south": ((39.56, 39.66), (-105.03, -104.88), [
        ("S Broadway", "Englewood", "80113"), ("W Belleview Ave", "Littleton", "80123"),
        ("S University Blvd", "Centennial", "80122"), ("E Arapahoe Rd", "Centennial", "80112"),
        ("W Bowles Ave", "Littleton", "80123"), ("S Holly St", "Centennial", "80121"),
        ("E Dry Creek Rd", "Centennial", "80112"), ("S Santa Fe Dr", "Littleton", "80120"),
        ("W Mineral Ave", "Littleton", "80120"), ("E County Line Rd", "Highlands Ranch", "80126"),
        ("S Colorado Blvd", "Greenwood Village", "80111"), ("E Orchard Rd", "Greenwood Village", "80111"),
    ]),
    "east": ((39.66, 39.80), (-104.88, -104.74), [
        ("E Colfax Ave", "Aurora", "80010"), ("Havana St", "Aurora", "80010"),
        ("Peoria St", "Aurora", "80011"), ("E Mississippi Ave", "Aurora", "80012"),
        ("S Chambers Rd", "Aurora", "80017"), ("E Alameda Ave", "Aurora", "80012"),
        ("E Iliff Ave", "Aurora", "80014"), ("Tower Rd", "Denver", "80249"),
        ("E 40th Ave", "Denver", "80239"), ("Buckley Rd", "Aurora", "80011"),
        ("Chambers Rd", "Denver", "80239"), ("E Montview Blvd", "Aurora", "80010"),
    ]),
    "west": ((39.67, 39.83), (-105.15, -105.05), [
        ("W Colfax Ave", "Lakewood", "80215"), ("Wadsworth Blvd", "Lakewood", "80226"),
        ("Kipling St", "Wheat Ridge", "80033"), ("W Alameda Ave", "Lakewood", "80226"),
        ("Sheridan Blvd", "Wheat Ridge", "80033"), ("W 44th Ave", "Wheat Ridge", "80033"),
        ("Ralston Rd", "Arvada", "80002"), ("Union Blvd", "Lakewood", "80228"),
        ("W Jewell Ave", "Lakewood", "80232"), ("Garrison St", "Lakewood", "80215"),
        ("W 64th Ave", "Arvada", "80004"), ("Simms St", "Arvada", "80004"),
    ]),
    "central": ((39.69, 39.77), (-105.05, -104.94), [
        ("E 13th Ave", "Denver", "80218"), ("Logan St", "Denver", "80203"),
        ("Pearl St", "Denver", "80203"), ("S Pearl St", "Denver", "80210"),
        ("E 6th Ave", "Denver", "80206"), ("Tennyson St", "Denver", "80212"),
        ("W 32nd Ave", "Denver", "80211"), ("Downing St", "Denver", "80218"),
        ("E 17th Ave", "Denver", "80206"), ("Larimer St", "Denver", "80205"),
        ("S Downing St", "Denver", "80209"), ("York St", "Denver", "80206"),
    ]),
}
TERRITORY_ORDER = ["north", "south", "east", "west", "central"]


def place(territory):
    (lat0, lat1), (lon0, lon1), streets = TERRITORIES[territory]
    lat = rng.uniform(lat0, lat1)
    lon = rng.uniform(lon0, lon1)
    street, city, zipcode = rng.choice(streets)
    number = rng.randrange(100, 9990)
    return coord(lat), coord(lon), f"{number} {street}, {city}, CO {zipcode}"


# --- technicians -----------------------------------------------------------

FULL_EARLY = ("07:00", "15:30")
FULL_LATE = ("08:00", "16:30")
# id, name, territory, skills, shift, off periods
TECHS = [
    ("T01", "Marcus Bell", "central", "hvac cert:epa608 cert:combustion equip:carrier", FULL_EARLY, []),
    ("T02", "Ana Gutierrez", "east", "hvac cert:epa608 cert:gasfit lang:es", FULL_EARLY, []),
    ("T03", "Derek Olsen", "north", "hvac cert:epa608 cert:combustion equip:trane", FULL_LATE, []),
    ("T04", "Priya Raman", "west", "hvac appliance cert:epa608", FULL_LATE, []),
    ("T05", "Luis Ortega", "south", "hvac cert:epa608 cert:gasfit cert:combustion equip:carrier lang:es", FULL_EARLY, []),
    ("T06", "Kevin Walsh", "central", "hvac cert:epa608 equip:trane", ("08:00", "12:30"), []),
    ("T07", "Jamal Carter", "north", "hvac cert:epa608 cert:combustion equip:carrier", FULL_EARLY, []),
    ("T08", "Sofia Marquez", "west", "hvac plumbing cert:epa608 cert:gasfit lang:es", FULL_LATE, []),
    ("T09", "Brent Nakamura", "east", "plumbing cert:gasfit equip:navien", FULL_EARLY, []),
    ("T10", "Tom Reilly", "south", "plumbing cert:backflow", FULL_LATE, []),
    ("T11", "Carlos Mendoza", "central", "plumbing cert:gasfit cert:backflow lang:es", FULL_EARLY, []),
    ("T12", "Hannah Price", "north", "plumbing equip:navien", FULL_LATE, []),
    ("T13", "Eddie Vance", "west", "plumbing cert:gasfit", FULL_EARLY, []),
    ("T14", "Grace Kim", "east", "plumbing cert:backflow", FULL_LATE, [("11:30", "13:00")]),
    ("T15", "Ray Dominguez", "south", "plumbing appliance lang:es", FULL_EARLY, []),
    ("T16", "Nate Fischer", "central", "electrical cert:journeyman-electrician cert:master-electrician", FULL_EARLY, []),
    ("T17", "Olivia Brandt", "west", "electrical cert:journeyman-electrician", FULL_LATE, []),
    ("T18", "Andre Thompson", "east", "electrical cert:journeyman-electrician cert:master-electrician", FULL_EARLY, []),
    ("T19", "Mike Sullivan", "north", "electrical cert:journeyman-electrician", ("12:00", "16:30"), []),
    ("T20", "Dana Whitfield", "central", "fire cert:nicet2 cert:backflow", FULL_EARLY, []),
    ("T21", "Victor Salas", "south", "fire cert:nicet2 lang:es", FULL_LATE, []),
    ("T22", "Brooke Adams", "north", "fire", FULL_EARLY, []),
    ("T23", "Sam Okafor", "east", "appliance hvac", FULL_LATE, []),
    ("T24", "Lily Chen", "west", "appliance", FULL_EARLY, []),
    ("T25", "Jorge Ramirez", "south", "appliance electrical cert:journeyman-electrician lang:es", FULL_LATE, []),
]

# The truck kit each trade carries; quantities vary per truck.
KIT = {
    "hvac": ["CAP-35-5", "CAP-45-5", "IGN-HSI-271", "FLAME-SENSOR", "CONT-2P-30A",
             "MOTOR-CF-025", "TSTAT-T6PRO", "FLT-16X25X1", "FLT-20X25X1", "GASVALVE-WR36",
             "CONDENSATE-PUMP"],
    "plumbing": ["WH-ELEM-4500", "WH-TSTAT-UPPER", "PRV-075", "FLUSH-VALVE-KIT",
                 "WAX-RING", "PTRAP-150", "BKFLOW-KIT-075"],
    "electrical": ["GFCI-20A", "BRKR-20A-SP", "BRKR-50A-DP"],
    "fire": ["SMOKE-DET-10Y", "SPRK-HEAD-155F", "EXT-ABC-10LB"],
    "appliance": [],
}
TRADES = ["hvac", "plumbing", "electrical", "fire", "appliance"]


def stock_for(skills):
    stock = {}
    for trade in TRADES:
        if trade not in skills:
            continue
        for sku in KIT[trade]:
            if rng.random() < 0.75:
                stock[sku] = rng.randint(1, 6 if sku.startswith("FLT") else 4)
    return ";".join(f"{sku}:{qty}" for sku, qty in sorted(stock.items()))


def tech_rows():
    rows = []
    for tid, name, territory, skills, shift, off in TECHS:
        lat, lon, _ = place(territory)
        first, last = name.lower().split()
        rows.append({
            "id": tid, "name": name, "skills": skills.replace(" ", ";"),
            "home.lat": lat, "home.lon": lon,
            "shift.start": at(shift[0]), "shift.end": at(shift[1]),
            "off": ";".join(f"{at(a)}/{at(b)}" for a, b in off),
            "territory": territory, "stock": stock_for(skills.split()),
            "phone": f"720-555-{100 + int(tid[1:]):04d}",
            "email": f"{first}.{last}@example.com",
        })
    return rows


# --- jobs --------------------------------------------------------------------

# type: (count, trade skills, duration range in minutes, SKUs that may be needed)
JOB_TYPES = {
    "no-heat": (25, ["hvac"], (45, 120), ["IGN-HSI-271", "FLAME-SENSOR", "GASVALVE-WR36", "MOTOR-CF-025", "TSTAT-T6PRO"]),
    "hvac-maintenance": (16, ["hvac", "cert:epa608"], (45, 75), ["FLT-16X25X1", "FLT-20X25X1", "CONDENSATE-PUMP"]),
    "no-cool": (3, ["hvac", "cert:epa608"], (60, 120), ["CAP-35-5", "CAP-45-5", "CONT-2P-30A", "MOTOR-CF-025"]),
    "water-heater": (9, ["plumbing"], (90, 180), ["WH-ELEM-4500", "WH-TSTAT-UPPER"]),
    "drain-clog": (11, ["plumbing"], (45, 90), ["PTRAP-150"]),
    "leak": (10, ["plumbing"], (45, 120), ["PRV-075", "FLUSH-VALVE-KIT", "WAX-RING"]),
    "gas-leak": (3, ["cert:gasfit"], (60, 90), []),
    "backflow-test": (7, ["cert:backflow"], (30, 45), ["BKFLOW-KIT-075"]),
    "panel-upgrade": (3, ["electrical", "cert:master-electrician"], (150, 180), ["BRKR-20A-SP", "BRKR-50A-DP"]),
    "outlet-repair": (21, ["electrical", "cert:journeyman-electrician"], (30, 60), ["GFCI-20A"]),
    "fire-inspection": (6, ["fire", "cert:nicet2"], (60, 120), ["SMOKE-DET-10Y"]),
    "sprinkler-repair": (4, ["fire"], (60, 90), ["SPRK-HEAD-155F"]),
    "extinguisher-service": (8, ["fire"], (30, 45), ["EXT-ABC-10LB"]),
    "appliance-repair": (20, ["appliance"], (45, 90), []),
}
COMMERCIAL = {"fire-inspection", "sprinkler-repair", "extinguisher-service", "backflow-test"}

# Jobs nobody on the roster is qualified for: the matcher must say so.
UNQUALIFIED = [
    ("gas-leak", ["cert:gasfit", "cert:medgas"], 90, "Cherry Creek Dental Arts", "central",
     "Medical gas alarm on the nitrous line, operatory 3"),
    ("leak", ["plumbing", "cert:medgas"], 120, "Aurora Oral Surgery", "east",
     "Oxygen outlet leaking at wall station; needs medical gas certified installer"),
    ("no-heat", ["hvac", "cert:boiler"], 150, "Cheesman Park Apartments", "central",
     "Steam boiler lockout, 24 units; state boiler licence required"),
    ("fire-inspection", ["fire", "cert:nicet2", "cert:master-electrician"], 120,
     "Westland Self Storage", "west", "Fire alarm panel replacement and inspection"),
]

FIRST = ["James", "Maria", "Robert", "Linda", "Michael", "Patricia", "David", "Jennifer",
         "Jose", "Elizabeth", "Daniel", "Susan", "Matthew", "Jessica", "Anthony", "Karen",
         "Mark", "Nancy", "Steven", "Lisa", "Andrew", "Betty", "Joshua", "Sandra", "Brian",
         "Ashley", "Kevin", "Emily", "Juan", "Rosa", "Thanh", "Mei", "Olga", "Tariq", "Amara"]
LAST = ["Anderson", "Martinez", "Nguyen", "Johnson", "Garcia", "Miller", "Lopez", "Wilson",
        "Hernandez", "Taylor", "Moore", "Jackson", "Lee", "Harris", "Clark", "Lewis",
        "Walker", "Young", "Allen", "King", "Wright", "Torres", "Hill", "Flores", "Green",
        "Baker", "Nelson", "Rivera", "Campbell", "Mitchell", "Roberts", "Kowalski", "Patel"]
BUSINESS = ["Mile High Bagels", "Sloan's Lake Pediatrics", "Front Range Storage",
            "Colfax Diner", "Platte River Lofts HOA", "Highlands Tap House",
            "Aurora Community Church", "Littleton Montessori", "Broadway Print Shop",
            "Rocky Mountain Credit Union", "Wash Park Yoga", "Tennyson Street Books",
            "Green Valley Ranch Clinic", "Englewood Auto Body", "Arvada Senior Living",
            "Thornton Rec Center", "Union Station Offices", "Cherry Creek Gallery",
            "Lakewood Animal Hospital", "Centennial Self Storage", "Westminster Dental",
            "Commerce City Bakery", "Federal Heights Pharmacy", "Stapleton Brewing"]

WINDOWS = [("08:00", "10:00"), ("08:00", "12:00"), ("10:00", "12:00"), ("10:00", "14:00"),
           ("12:00", "14:00"), ("12:00", "16:00"), ("13:00", "16:00"), ("14:00", "16:00"),
           ("09:00", "12:00"), ("11:00", "14:00")]
ALL_DAY = ("08:00", "17:00")

NOTES = [
    "Gate code 4417#; dog in yard, \"Bruno\", friendly",
    "Call 30 min ahead, tenant works nights",
    "Park in alley, garage door code 2580",
    "Second callback this month, bring ladder",
    "Spanish preferred; ask for Rosa",
    "Customer asked: no shoe covers needed, hardwood floors though",
    "Access via loading dock, check in at front desk",
    "Elderly occupant, 84; thermostat reads 52F",
    "Water shut off at the street; basement flooding",
    "Smells gas near meter, utility notified",
]


def tech_skills():
    return {t[0]: set(t[3].split()) for t in TECHS}


def qualified(skills):
    have = tech_skills()
    return [tid for tid, s in have.items() if set(skills) <= s]


def customer(i, commercial):
    area = "303" if i % 2 == 0 else "720"
    phone = f"{area}-555-{100 + (i // 2) % 100:04d}"
    if commercial:
        name = rng.choice(BUSINESS)
    else:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    email = ""
    if rng.random() < 0.6:
        email = name.lower().replace("'", "").replace(" ", ".") + "@example.com"
    return f"C{20001 + i}", name, phone, email


def job_rows():
    specs = []
    for jtype, (count, skills, durs, skus) in JOB_TYPES.items():
        for _ in range(count):
            specs.append((jtype, list(skills), durs, skus))
    rng.shuffle(specs)
    rows = []
    for i, (jtype, skills, (dmin, dmax), skus) in enumerate(specs):
        territory = TERRITORY_ORDER[i % 5] if rng.random() < 0.8 else rng.choice(TERRITORY_ORDER)
        lat, lon, address = place(territory)
        cid, cname, cphone, cemail = customer(i, jtype in COMMERCIAL)
        skills = list(skills)
        if jtype == "no-heat" and rng.random() < 0.3:
            skills.append(rng.choice(["equip:carrier", "equip:trane"]))
        if jtype == "water-heater":
            if rng.random() < 0.5:
                skills.append("cert:gasfit")
            elif rng.random() < 0.4:
                skills.append("equip:navien")
        window = rng.choice(WINDOWS) if rng.random() > 0.2 else ALL_DAY
        if jtype in ("hvac-maintenance", "fire-inspection", "backflow-test") and rng.random() < 0.5:
            window = ALL_DAY
        parts = ""
        if skus and rng.random() < 0.45:
            chosen = rng.sample(skus, 1 if rng.random() < 0.8 or len(skus) < 2 else 2)
            many = ("FLT-16X25X1", "FLT-20X25X1", "GFCI-20A", "BRKR-20A-SP",
                    "SMOKE-DET-10Y", "SPRK-HEAD-155F", "EXT-ABC-10LB")
            parts = ";".join(f"{s}:{rng.randint(1, 4) if s in many else 1}" for s in chosen)
        rows.append({
            "id": "", "type": jtype, "priority": str(rng.choice([2, 3, 3, 3]) if jtype in ("no-heat", "leak", "no-cool", "sprinkler-repair") else 3),
            "customer.id": cid, "customer.name": cname, "customer.phone": cphone,
            "customer.email": cemail, "customer.vip": "",
            "site.lat": lat, "site.lon": lon, "site.address": address,
            "territory": territory, "skills": ";".join(skills),
            "duration": str(5 * rng.randint(dmin // 5, dmax // 5)),
            "window.start": at(window[0]), "window.end": at(window[1]),
            "sla_due": "", "received": "", "parts": parts, "preferred_tech": "", "required_tech": "",
            "excluded_techs": "", "tech": "", "locked": "", "status": "open", "notes": "",
        })

    # Emergencies: reported early in the day, promised within 2-4 hours of
    # when the customer can let us in (received: when the call came).
    def emergency(row, reported, hours, note, received=None):
        row["priority"] = "1"
        row["window.start"] = at(reported)
        row["received"] = at(received or reported)
        due = minutes(reported) + 60 * hours
        row["window.end"] = row["sla_due"] = at(f"{due // 60:02d}:{due % 60:02d}")
        row["notes"] = note
    by_type = {}
    for row in rows:
        by_type.setdefault(row["type"], []).append(row)
    emergency(by_type["gas-leak"][0], "07:10", 2, NOTES[9])
    emergency(by_type["gas-leak"][1], "09:40", 2, "Gas smell in laundry room, occupants outside")
    # Called in at 07:20; nobody home to open up before 13:05.
    emergency(by_type["gas-leak"][2], "13:05", 2, "Hissing at water heater gas valve", "07:20")
    emergency(by_type["no-heat"][0], "07:00", 4, NOTES[7])
    emergency(by_type["no-heat"][1], "08:30", 3, "Elderly occupant on oxygen, house at 55F")
    emergency(by_type["leak"][0], "06:45", 3, NOTES[8])
    by_type["leak"][0]["notes"] = "Burst pipe: " + NOTES[8]
    by_type["leak"][1]["notes"] = "Burst pipe under kitchen sink, valve closed"
    emergency(by_type["leak"][1], "10:20", 3, by_type["leak"][1]["notes"])
    # Commercial contracts with a same-day response promise.
    for row in by_type["sprinkler-repair"][:2]:
        row["priority"] = "2"
        row["sla_due"] = at("14:00")

    # The ones nobody can do.
    for k, (jtype, skills, duration, business, territory, note) in enumerate(UNQUALIFIED):
        lat, lon, address = place(territory)
        cid, _, cphone, _ = customer(len(rows), True)
        cemail = "office@" + business.lower().replace(" ", "") + ".example.com"
        window = WINDOWS[k * 2]
        rows.append({
            "id": "", "type": jtype, "priority": "2", "customer.id": cid,
            "customer.name": business, "customer.phone": cphone, "customer.email": cemail,
            "customer.vip": "", "site.lat": lat, "site.lon": lon, "site.address": address,
            "territory": territory, "skills": ";".join(skills), "duration": str(duration),
            "window.start": at(window[0]), "window.end": at(window[1]), "sla_due": "",
            "received": "", "parts": "", "preferred_tech": "", "required_tech": "", "excluded_techs": "",
            "tech": "", "locked": "", "status": "open", "notes": note,
        })
    rng.shuffle(rows)
    for i, row in enumerate(rows):
        row["id"] = f"J{1001 + i}"

    ordinary = [r for r in rows if r["priority"] == "3" and qualified(r["skills"].split(";"))]
    for row in rng.sample(ordinary, 7):
        row["customer.vip"] = "true"
    # Repeat customers ask for the tech they know.
    for row in rng.sample(ordinary, 12):
        row["preferred_tech"] = rng.choice(qualified(row["skills"].split(";")))
    # A warranty callback goes back to the tech who did the install.
    warranty = next(r for r in ordinary if r["type"] == "water-heater" and not r["preferred_tech"])
    warranty["required_tech"] = rng.choice(qualified(warranty["skills"].split(";")))
    warranty["notes"] = "Warranty callback on last week's install"
    # A customer who asked not to see one tech again.
    banned = next(r for r in ordinary if r["type"] == "no-heat" and r["territory"] == "north"
                  and not r["preferred_tech"])
    banned["excluded_techs"] = "T07"
    banned["notes"] = "Customer complaint 2026-10-02; do not send T07"
    # Two jobs the dispatcher already pinned.
    for jtype, tid, window in (("panel-upgrade", "T16", ("08:00", "10:00")),
                               ("fire-inspection", "T20", ("08:00", "12:00"))):
        row = next(r for r in ordinary if r["type"] == jtype and tid in qualified(r["skills"].split(";")))
        row.update({"tech": tid, "locked": "true", "status": "assigned",
                    "window.start": at(window[0]), "window.end": at(window[1])})
    # Spanish-speaking customers.
    for row in rng.sample(ordinary, 6):
        if "lang:es" not in row["skills"] and len(qualified(row["skills"].split(";") + ["lang:es"])) > 0:
            row["skills"] += ";lang:es"
    for row in rng.sample([r for r in ordinary if not r["notes"]], 8):
        row["notes"] = rng.choice(NOTES[:7])
    return rows


def summary(techs, jobs):
    """Supply and demand per trade, in hours: a rough check that the day is
    neither trivial nor hopeless (travel counted as 20 min a job)."""
    supply = {t: 0.0 for t in TRADES}
    for t in techs:
        hours = (minutes(t["shift.end"][11:16]) - minutes(t["shift.start"][11:16])) / 60
        for o in filter(None, t["off"].split(";")):
            a, b = o.split("/")
            hours -= (minutes(b[11:16]) - minutes(a[11:16])) / 60
        trades = [s for s in t["skills"].split(";") if s in TRADES]
        for tr in trades:
            supply[tr] += hours / len(trades)
    demand = {t: 0.0 for t in TRADES}
    nobody = 0
    for j in jobs:
        if not qualified(j["skills"].split(";")):
            nobody += 1
            continue
        trade = next((s for s in j["skills"].split(";") if s in TRADES), "plumbing")
        demand[trade] += (int(j["duration"]) + 20) / 60
    for tr in TRADES:
        print(f"{tr:11s} supply {supply[tr]:6.1f} h  demand {demand[tr]:6.1f} h", file=sys.stderr)
    print(f"total       supply {sum(supply.values()):6.1f} h  demand {sum(demand.values()):6.1f} h;"
          f" {nobody} jobs nobody is qualified for", file=sys.stderr)


def write(path, rows):
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    techs = tech_rows()
    jobs = job_rows()
    write(os.path.join(out, "techs.csv"), techs)
    write(os.path.join(out, "jobs.csv"), jobs)
    summary(techs, jobs)


if __name__ == "__main__":
    main()
