"""Seed Norfolk's towns and postcode outward codes for "near me" search.

The coordinates are APPROXIMATE (town centres and rough outward-code centroids, to two or three
decimal places, from well-known public map positions); they are only used to sort services by
distance in miles. Editors can correct them (Snippets → Places), and ``manage.py import_postcodes``
replaces the outward codes with centroids computed from the ONS Postcode Directory.
The border outward codes IP20–IP26 straddle Suffolk; their centroids here are for the Norfolk side.
"""

from django.db import migrations

TOWNS = {
    "Norwich": (52.6309, 1.2974),
    "Great Yarmouth": (52.6083, 1.7305),
    "Gorleston-on-Sea": (52.5770, 1.7290),
    "Caister-on-Sea": (52.6500, 1.7300),
    "King's Lynn": (52.7543, 0.3976),
    "Thetford": (52.4140, 0.7490),
    "Dereham": (52.6814, 0.9403),
    "Wymondham": (52.5700, 1.1160),
    "Attleborough": (52.5180, 1.0190),
    "Swaffham": (52.6480, 0.6870),
    "Downham Market": (52.6010, 0.3820),
    "Diss": (52.3760, 1.1080),
    "Cromer": (52.9310, 1.3020),
    "Sheringham": (52.9430, 1.2100),
    "North Walsham": (52.8210, 1.3880),
    "Fakenham": (52.8310, 0.8470),
    "Holt": (52.9070, 1.0900),
    "Aylsham": (52.7930, 1.2530),
    "Wells-next-the-Sea": (52.9540, 0.8510),
    "Hunstanton": (52.9390, 0.4900),
    "Heacham": (52.9070, 0.4950),
    "Watton": (52.5710, 0.8270),
    "Harleston": (52.4030, 1.2990),
    "Long Stratton": (52.4890, 1.2330),
    "Loddon": (52.5340, 1.4820),
    "Acle": (52.6370, 1.5460),
    "Wroxham": (52.7060, 1.4040),
    "Hoveton": (52.7140, 1.4080),
    "Stalham": (52.7720, 1.5160),
    "Hingham": (52.5790, 0.9860),
    "Costessey": (52.6520, 1.2140),
    "Hellesdon": (52.6600, 1.2580),
    "Sprowston": (52.6480, 1.3320),
    "Thorpe St Andrew": (52.6350, 1.3450),
    "Taverham": (52.6830, 1.2140),
    "Poringland": (52.5650, 1.3470),
    "Hethersett": (52.5990, 1.1800),
    "Reepham": (52.7620, 1.1120),
    "Mundesley": (52.8770, 1.4330),
    "Martham": (52.7040, 1.6290),
    "Hemsby": (52.6960, 1.6920),
    "Snettisham": (52.8780, 0.5030),
    "Terrington St Clement": (52.7570, 0.2950),
    "Methwold": (52.5240, 0.5530),
    "Feltwell": (52.4880, 0.5220),
    "East Harling": (52.4380, 0.9290),
    "Brundall": (52.6230, 1.4380),
}

OUTCODES = {
    "NR1": (52.6250, 1.3050),
    "NR2": (52.6300, 1.2800),
    "NR3": (52.6450, 1.2900),
    "NR4": (52.6130, 1.2650),
    "NR5": (52.6400, 1.2300),
    "NR6": (52.6650, 1.2800),
    "NR7": (52.6450, 1.3350),
    "NR8": (52.6900, 1.2200),
    "NR9": (52.6300, 1.1000),
    "NR10": (52.7400, 1.2600),
    "NR11": (52.8300, 1.2700),
    "NR12": (52.7300, 1.4600),
    "NR13": (52.6300, 1.4500),
    "NR14": (52.5500, 1.3800),
    "NR15": (52.4900, 1.2600),
    "NR16": (52.4700, 1.0000),
    "NR17": (52.5200, 1.0200),
    "NR18": (52.5700, 1.1100),
    "NR19": (52.6800, 0.9400),
    "NR20": (52.7300, 1.0000),
    "NR21": (52.8300, 0.8500),
    "NR22": (52.8900, 0.8700),
    "NR23": (52.9500, 0.8500),
    "NR24": (52.8700, 1.0500),
    "NR25": (52.9100, 1.0900),
    "NR26": (52.9400, 1.2100),
    "NR27": (52.9300, 1.3000),
    "NR28": (52.8200, 1.3900),
    "NR29": (52.7000, 1.6300),
    "NR30": (52.6100, 1.7300),
    "NR31": (52.5700, 1.7200),
    "PE30": (52.7550, 0.4000),
    "PE31": (52.9000, 0.6000),
    "PE32": (52.7000, 0.6000),
    "PE33": (52.6300, 0.4800),
    "PE34": (52.7100, 0.2800),
    "PE35": (52.8300, 0.5100),
    "PE36": (52.9400, 0.4900),
    "PE37": (52.6500, 0.6900),
    "PE38": (52.5900, 0.3800),
    "IP20": (52.4000, 1.3000),
    "IP21": (52.3700, 1.2000),
    "IP22": (52.3800, 1.0800),
    "IP23": (52.3300, 1.1300),
    "IP24": (52.4100, 0.7500),
    "IP25": (52.5800, 0.8300),
    "IP26": (52.4900, 0.5600),
}


def town_key(name):
    return name.casefold().replace("-", " ")


def seed(apps, schema_editor):
    Place = apps.get_model("directory", "Place")
    for name, (lat, lon) in TOWNS.items():
        Place.objects.update_or_create(
            key=town_key(name), defaults={"name": name, "kind": "town", "latitude": lat, "longitude": lon}
        )
    for code, (lat, lon) in OUTCODES.items():
        Place.objects.update_or_create(
            key=code, defaults={"name": code, "kind": "outcode", "latitude": lat, "longitude": lon}
        )


def unseed(apps, schema_editor):
    Place = apps.get_model("directory", "Place")
    Place.objects.filter(key__in=[town_key(name) for name in TOWNS] + list(OUTCODES)).delete()


class Migration(migrations.Migration):
    dependencies = [("directory", "0003_place")]

    operations = [migrations.RunPython(seed, unseed)]
