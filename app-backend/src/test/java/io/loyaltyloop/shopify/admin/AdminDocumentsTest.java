package io.loyaltyloop.shopify.admin;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.parser.Parser;
import graphql.schema.GraphQLTypeUtil;
import graphql.validation.ValidationErrorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    void theBulkImportQueryKeepsWithinShopifysBulkLimits() {
        // Bulk queries allow at most 5 connections, nested at most 2 deep.
        List<Integer> connectionDepths = new ArrayList<>();
        QueryTraverser.newQueryTraverser()
                .schema(AdminSchema.schema())
                .document(Parser.parse(AdminDocument.BULK_ORDERS_QUERY.text()))
                .variables(Map.of())
                .build()
                .visitPreOrder(new QueryVisitorStub() {
                    @Override
                    public void visitField(QueryVisitorFieldEnvironment field) {
                        if (isConnection(field)) {
                            int depth = 1;
                            for (var parent = field.getParentEnvironment();
                                    parent != null;
                                    parent = parent.getParentEnvironment()) {
                                depth += isConnection(parent) ? 1 : 0;
                            }
                            connectionDepths.add(depth);
                        }
                    }
                });

        // orders; its lineItems; refunds' refundLineItems (refunds is a list, not a connection)
        assertThat(connectionDepths).containsExactly(1, 2, 2);
        assertThat(connectionDepths)
                .hasSizeBetween(1, 5)
                .allSatisfy(depth -> assertThat(depth).isLessThanOrEqualTo(2));
    }

    private static boolean isConnection(QueryVisitorFieldEnvironment field) {
        return GraphQLTypeUtil.unwrapAll(field.getFieldDefinition().getType())
                .getName()
                .endsWith("Connection");
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
