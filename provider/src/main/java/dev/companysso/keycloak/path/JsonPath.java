package dev.companysso.keycloak.path;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSONPath subset admins already know ({@code $.data.user.id}, {@code data.user.id},
 * {@code $['a.b']}, {@code $.roles[0]}, {@code $.items[-1]}, {@code $.depts[*].code}), compiled once
 * and evaluated on every login. Evaluation never throws: anything that is not there is simply no match.
 */
public final class JsonPath {

    /** Beyond this many digits a plain rendering of a number is a denial-of-service risk, not a value. */
    private static final int MAX_PLAIN_SCALE = 1000;

    private final String expression;
    private final Step[] steps;
    private final boolean definite;
    private final String normalized;

    private JsonPath(String expression, List<Step> steps) {
        this.expression = expression;
        this.steps = steps.toArray(new Step[0]);
        this.definite = steps.stream().noneMatch(step -> step.kind == Step.Kind.WILDCARD);
        StringBuilder canonical = new StringBuilder("$");
        steps.forEach(step -> step.appendNormalized(canonical));
        this.normalized = canonical.toString();
    }

    /** @throws PathSyntaxException naming the problem and its position */
    public static JsonPath compile(String expression) {
        return new JsonPath(expression, PathParser.parse(expression));
    }

    /** Every match in document order; each wildcard flattens one level. May contain JSON nulls. */
    public List<JsonNode> select(JsonNode root) {
        if (definite) {
            JsonNode hit = walk(root);
            return hit == null ? List.of() : List.of(hit);
        }
        List<JsonNode> hits = new ArrayList<>();
        collect(root, 0, hits);
        return hits;
    }

    /** The first match, which may be a JSON null. */
    public Optional<JsonNode> selectFirst(JsonNode root) {
        return Optional.ofNullable(definite ? walk(root) : first(root, 0));
    }

    /**
     * The texts of all matches, an array match contributing each of its scalar elements: this is how
     * one array claim becomes many roles or groups. Nulls, empty strings and containers are skipped.
     */
    public List<String> selectTexts(JsonNode root) {
        List<String> texts = new ArrayList<>();
        for (JsonNode hit : select(root)) {
            if (hit.isArray()) {
                for (JsonNode element : hit) {
                    addText(texts, element);
                }
            } else {
                addText(texts, hit);
            }
        }
        return texts;
    }

    /** The first match as text; empty when it is missing, null, an empty string or a container. */
    public Optional<String> selectText(JsonNode root) {
        JsonNode hit = definite ? walk(root) : first(root, 0);
        String text = asText(hit);
        return text == null || text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /**
     * A scalar as the text an admin expects to see: ids like {@code 10001} stay digits whether the SSO
     * sent them as numbers or strings, and no number is ever rendered with an exponent.
     *
     * @return the text, or null for null, missing, container and non-finite values
     */
    public static String asText(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "true" : "false";
        }
        if (node.isIntegralNumber()) {
            return node.isBigInteger() ? node.bigIntegerValue().toString() : Long.toString(node.longValue());
        }
        if (node.isNumber()) {
            return decimalText(node);
        }
        return null;
    }

    private static String decimalText(JsonNode node) {
        BigDecimal value;
        if (node.isBigDecimal()) {
            value = node.decimalValue();
        } else if (!Double.isFinite(node.doubleValue())) {
            return null;
        } else if (node.isFloat()) {
            // Widening a float to double invents digits (0.1f -> 0.10000000149011612); its own text does not.
            value = new BigDecimal(Float.toString(node.floatValue()));
        } else {
            value = BigDecimal.valueOf(node.doubleValue());
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (Math.abs(stripped.scale()) > MAX_PLAIN_SCALE) {
            return stripped.toString();
        }
        return stripped.toPlainString();
    }

    /** The expression as the admin wrote it. */
    public String expression() {
        return expression;
    }

    /** True when the path can match at most one value (it has no wildcard). */
    public boolean isDefinite() {
        return definite;
    }

    @Override
    public String toString() {
        return expression;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonPath path && normalized.equals(path.normalized);
    }

    @Override
    public int hashCode() {
        return normalized.hashCode();
    }

    private JsonNode walk(JsonNode node) {
        for (Step step : steps) {
            if (node == null) {
                return null;
            }
            node = step.child(node);
        }
        return present(node);
    }

    private void collect(JsonNode node, int stepIndex, List<JsonNode> hits) {
        if (present(node) == null) {
            return;
        }
        if (stepIndex == steps.length) {
            hits.add(node);
        } else if (steps[stepIndex].kind == Step.Kind.WILDCARD) {
            if (node.isContainerNode()) {
                for (JsonNode child : node) {
                    collect(child, stepIndex + 1, hits);
                }
            }
        } else {
            collect(steps[stepIndex].child(node), stepIndex + 1, hits);
        }
    }

    private JsonNode first(JsonNode node, int stepIndex) {
        if (present(node) == null) {
            return null;
        }
        if (stepIndex == steps.length) {
            return node;
        }
        if (steps[stepIndex].kind != Step.Kind.WILDCARD) {
            return first(steps[stepIndex].child(node), stepIndex + 1);
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                JsonNode hit = first(child, stepIndex + 1);
                if (hit != null) {
                    return hit;
                }
            }
        }
        return null;
    }

    private static JsonNode present(JsonNode node) {
        return node == null || node.isMissingNode() ? null : node;
    }

    private static void addText(List<String> texts, JsonNode node) {
        String text = asText(node);
        if (text != null && !text.isEmpty()) {
            texts.add(text);
        }
    }
}
