package io.loyaltyloop.admin.program;

import io.loyaltyloop.loyalty.EarningExclusion;
import io.loyaltyloop.loyalty.ExclusionField;
import java.util.LinkedHashMap;
import java.util.Map;

/** A new exclusion as typed: what to match on and the value. */
record ExclusionForm(String field, String value, Map<String, String> errors) {

    static ExclusionForm empty() {
        return new ExclusionForm(ExclusionField.SKU.name(), "", Map.of());
    }

    static ExclusionForm of(String field, String value) {
        String f = FormFields.text(field);
        String v = FormFields.text(value);
        Map<String, String> errors = new LinkedHashMap<>();
        FormFields.choice(
                errors,
                "field",
                ExclusionField.class,
                f,
                "Choose what to match: SKU, product id, vendor or product type.");
        if (v.isEmpty()) {
            errors.put("value", "Enter the value to exclude, e.g. a SKU.");
        } else if (v.length() > EarningExclusion.MAX_VALUE) {
            errors.put("value", "A value is limited to " + EarningExclusion.MAX_VALUE + " characters.");
        }
        return new ExclusionForm(f, v, Map.copyOf(errors));
    }

    boolean valid() {
        return errors.isEmpty();
    }

    ExclusionField fieldValue() {
        return ExclusionField.valueOf(field);
    }

    ExclusionForm withError(String name, String message) {
        Map<String, String> more = new LinkedHashMap<>(errors);
        more.put(name, message);
        return new ExclusionForm(field, value, Map.copyOf(more));
    }
}
