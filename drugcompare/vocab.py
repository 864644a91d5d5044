"""The fixed vocabularies of the data (docs/data-schema.md). Ordered where order means something."""

from __future__ import annotations

ALIAS_KINDS = ["inn", "usan", "ban", "brand", "street", "abbreviation", "salt", "chemical", "other"]
ACTIONS = [
    "agonist", "partial agonist", "inverse agonist", "antagonist", "channel blocker",
    "positive allosteric modulator", "negative allosteric modulator", "reuptake inhibitor",
    "releasing agent", "enzyme inhibitor", "other",
]
USE_STATUSES = ["approved", "off-label", "investigational", "none"]
USE_AREAS = [
    "pain", "anaesthesia", "sedation", "cough", "diarrhoea", "opioid-use-disorder",
    "alcohol-use-disorder", "overdose-reversal", "smoking-cessation", "depression", "anxiety",
    "insomnia", "epilepsy", "spasticity", "adhd", "narcolepsy", "psychosis", "bipolar",
    "nausea", "allergy", "fever", "inflammation", "cardiovascular", "dementia",
    "constipation", "withdrawal", "recreational", "other",
]
FREQUENCIES = ["very_common", "common", "uncommon", "rare", "very_rare", "unknown"]
FREQUENCY_LABELS = {
    "very_common": "very common (≥1/10)", "common": "common (≥1/100)",
    "uncommon": "uncommon (≥1/1,000)", "rare": "rare (≥1/10,000)",
    "very_rare": "very rare (<1/10,000)", "unknown": "frequency not known",
}
POTENTIALS = ["none", "low", "moderate", "high", "very_high"]
US_CSA = ["I", "II", "III", "IV", "V", "not_controlled"]
UK_MDA = ["A", "B", "C", "not_controlled"]
UK_MDR = ["1", "2", "3", "4", "5"]
UK_MDR_PARTS = ["I", "II"]
UN_SCHEDULES = ["I", "II", "III", "IV"]
SECTIONS = ["names", "classes", "atc", "mechanism", "uses", "side_effects", "addiction",
            "legal", "misconceptions"]
# Sections every profile must have a source for (names are sourced by the sections they serve).
SOURCED_SECTIONS = [s for s in SECTIONS if s != "names"]
CLASS_SYSTEMS = ["pharmacological", "mechanism", "chemical", "therapeutic", "legal"]
SEVERITIES = ["contraindicated", "serious", "moderate", "minor"]  # most severe first
VERDICTS = ["yes", "no", "borderline"]
PRODUCT_KINDS = ["brand", "generic"]
ATC_PATTERN = r"[A-Z][0-9]{2}[A-Z]{2}[0-9]{2}"
ID_PATTERN = r"[a-z0-9]+(-[a-z0-9]+)*"

# The files of a dataset, by role, in load order (data/<role>.yaml).
ROLES = ["drugs", "classes", "targets", "atc", "interactions"]
