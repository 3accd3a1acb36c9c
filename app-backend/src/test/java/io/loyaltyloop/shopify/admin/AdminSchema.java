package io.loyaltyloop.shopify.admin;

import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pinned Admin API schema (introspection JSON from {@code @shopify/dev-mcp}, see the README
 * beside it), loaded once per test JVM: parsing 11 MB of JSON is the slow part.
 */
final class AdminSchema {

    static final String VERSION = "2026-07";

    private static final GraphQLSchema SCHEMA = load("/shopify/admin-schema/admin_" + VERSION + ".json.gz");

    private AdminSchema() {}

    static ParseAndValidateResult validate(String document) {
        return ParseAndValidate.parseAndValidate(
                SCHEMA, ExecutionInput.newExecutionInput(document).build());
    }

    static GraphQLSchema schema() {
        return SCHEMA;
    }

    @SuppressWarnings("unchecked")
    private static GraphQLSchema load(String resource) {
        try (InputStream in = new GZIPInputStream(AdminSchema.class.getResourceAsStream(resource))) {
            Map<String, Object> root = JsonMapper.builder().build().readValue(in, Map.class);
            var definition =
                    new IntrospectionResultToSchema().createSchemaDefinition((Map<String, Object>) root.get("data"));
            var registry = new SchemaParser().buildRegistry(definition);
            return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
