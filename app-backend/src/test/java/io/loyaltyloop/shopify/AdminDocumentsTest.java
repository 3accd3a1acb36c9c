package io.loyaltyloop.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.validation.ValidationErrorType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every document we send is valid against the pinned Admin schema; the schema is the arbiter. */
class AdminDocumentsTest {

    @ParameterizedTest
    @EnumSource(AdminDocument.class)
    void everyDocumentValidatesAgainstThePinnedAdminSchema(AdminDocument document) {
        var result = AdminSchema.validate(document.text());

        assertThat(result.getSyntaxException()).isNull();
        assertThat(result.getValidationErrors()).isEmpty();
    }

    @Test
    void theBulkImportQueryIsAQueryOnQueryRootReadingOrders() {
        var result = AdminSchema.validate(AdminDocument.BULK_ORDERS_QUERY.text());

        assertThat(result.getValidationErrors()).isEmpty();
        assertThat(AdminSchema.schema().getQueryType().getName()).isEqualTo("QueryRoot");
        assertThat(result.getDocument().getDefinitions()).hasSize(1);
    }

    @Test
    void aMisspelledFieldFailsValidationWithFieldUndefined() {
        // Tracking numbers live under trackingInfo since 2022; older code still asks for this.
        var result = AdminSchema.validate("query($id: ID!) { fulfillment(id: $id) { id trackingNumber } }");

        assertThat(result.getValidationErrors())
                .extracting(e -> e.getValidationErrorType())
                .containsExactly(ValidationErrorType.FieldUndefined);
        assertThat(result.getValidationErrors().getFirst().getMessage()).contains("trackingNumber");
    }

    @Test
    void anUnknownInputTypeFailsValidation() {
        var result = AdminSchema.validate(
                "mutation($input: DiscountCodeBasicInputs!) { discountCodeBasicCreate(basicCodeDiscount: $input) {"
                        + " userErrors { message } } }");

        assertThat(result.getValidationErrors()).isNotEmpty();
    }

    @Test
    void everyOperationDocumentIsNamedAfterItsFile() {
        for (AdminDocument document : AdminDocument.values()) {
            if (document != AdminDocument.BULK_ORDERS_QUERY) {
                assertThat(document.text()).contains(" " + document.operationName());
            }
        }
    }
}
