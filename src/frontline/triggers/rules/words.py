"""The word sets the trigger rules read (who acts, what is taken, hit or destroyed), and the event type a
weapon word implies.
"""

from __future__ import annotations

FORCE_WORDS = frozenset({"troop", "soldier", "force", "army", "unit", "serviceman", "fighter", "man", "guard",
                         "defender", "paratrooper", "invader", "occupier", "mercenary", "militant", "personnel",
                         "battalion", "brigade", "military", "infantry", "deserter", "conscript", "marine",
                         "trooper", "comrade", "buddy"})

CIVIL_WORDS = frozenset({"civilian", "resident", "child", "family", "people", "refugee", "inhabitant", "woman",
                          "evacuee", "wife", "mother", "passenger", "dozen", "household", "folk", "kid",
                          "husband", "spouse", "father", "son", "daughter", "youngster", "pensioner", "elderly",
                          "grandmother", "grandfather", "baby", "neighbour", "neighbor"})

TERRITORY_WORDS = frozenset({"city", "town", "village", "territory", "area", "region", "district", "position",
                              "control", "settlement", "locality", "oblast", "province", "hub", "stronghold",
                              "bridgehead", "airport", "plant", "land", "ground", "metropolis", "republic"})

MILITARY_OBJECTS = frozenset({
    "serviceman", "soldier", "troop", "unit", "invader", "group", "howitzer", "tank", "vehicle", "depot",
    "equipment", "position", "launcher", "system", "gun", "helicopter", "aircraft", "plane", "drone", "boat",
    "ship", "military", "personnel", "mercenary", "fighter", "militant", "nationalist", "battery", "ammunition",
    "warehouse", "headquarters", "command", "post", "armor", "armour", "apc", "bmp", "radar", "missile",
    "enemy", "company", "platoon", "battalion", "brigade", "force", "emplacement", "dugout", "stronghold"})

INFRASTRUCTURE = frozenset({"infrastructure", "power", "plant", "bridge", "rail", "railway", "station", "hospital",
                            "school", "building", "house", "grid", "substation", "dam", "home", "facility",
                            "line", "pipeline", "port", "airport", "energy", "electricity", "water"})

WEAPON_WORDS = frozenset({"artillery", "mortar", "rocket", "missile", "himars", "mlrs", "grad", "howitzer", "shell",
                          "drone", "shahed", "bomb", "uav", "fire", "gun", "cannon"})


# Ground- and sea-launched missiles and rocket systems named by model: their fire is shelling (EVENTS.md)
GROUND_MISSILES = frozenset({"iskander", "tochka", "tochka-u", "kalibr", "smerch", "uragan", "tornado", "atacms",
                             "s-300", "onyx", "oniks"})


# Missiles launched from aircraft, named by model ('Kh-22', 'Kh-101', 'Kinzhal', 'SCALP'): their strikes are air
# strikes (ACLED's Air/drone strike); a Kh- ('Kh-59', 'Kh-31P') is always one
AIR_MISSILES = frozenset({"kinzhal", "scalp", "jassm", "kh", "x-101", "x-22"})


def weapon_type(words: set[str], default: str) -> str:
    """The event type a weapon named near the trigger implies ('artillerymen destroyed' -> shelling)."""
    if words & AIR_MISSILES or any(w.startswith("kh-") for w in words):
        return "air_drone_strike"
    if words & {"aviation", "aerospace", "aircraft", "air", "drone", "jet", "helicopter", "plane", "airstrike", "uav",
                "bomb", "sortie", "shahed", "kamikaze", "geran", "lancet", "quadcopter", "kab", "fab",
                "glide"}:
        return "air_drone_strike"
    if words & ({"artillery", "artilleryman", "artillerymen", "mortar", "rocket", "missile", "himars", "mlrs",
                 "grad", "howitzer", "shelling", "shell", "fire"} | GROUND_MISSILES):
        return "shelling"
    return default
