#!/usr/bin/env python3
"""Validates plantjek JSON reports against docs/report-schema.json.

Usage: validate_schema.py SCHEMA REPORT.json...
Prints one line per invalid report and "valid: N" at the end; exit code 0
when every report is valid, 1 when one is not, 2 when the validator itself
cannot run (python3-jsonschema missing, bad schema)."""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("python3-jsonschema is not installed (apt-get install python3-jsonschema)")
    sys.exit(2)


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema)
    valid = bad = 0
    for path in argv[2:]:
        with open(path, encoding="utf-8") as f:
            report = json.load(f)
        errors = sorted(validator.iter_errors(report), key=lambda e: list(e.absolute_path))
        if errors:
            bad += 1
            for e in errors[:5]:
                where = "/".join(str(p) for p in e.absolute_path)
                print(f"{path}: {where}: {e.message}")
        else:
            valid += 1
    print(f"valid: {valid}, invalid: {bad}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
