"""Admin change forms as a browser would post them, inline formsets included."""


def inline_rows(prefix, rows, *, initial=None):
    """Management fields and one set of fields per row for an inline formset called `prefix`."""
    data = {
        f"{prefix}-TOTAL_FORMS": len(rows),
        f"{prefix}-INITIAL_FORMS": len(rows) if initial is None else initial,
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{name}": value for name, value in row.items()})
    return data
