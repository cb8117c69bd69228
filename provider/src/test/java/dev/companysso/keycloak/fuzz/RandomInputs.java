package dev.companysso.keycloak.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.companysso.keycloak.path.JsonPath;
import dev.companysso.keycloak.response.Envelope;
import org.junit.jupiter.api.function.ThrowingConsumer;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Random inputs for the property tests, from a {@link SplittableRandom}: reproducible by seed, no
 * shrinking. {@link #forAll} runs a property {@value #DEFAULT_ITERATIONS} times; override with
 * {@code -Dfuzz.iterations=N}, and choose another seed with {@code -Dfuzz.seed=N}. A failure names the
 * seed, the iteration and the input.
 */
public final class RandomInputs {

    public static final long DEFAULT_SEED = 0x5EED_C0DE_2024L;
    public static final int DEFAULT_ITERATIONS = 1000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Path punctuation, quotes, digits, escapes and a CJK char; the emoji goes in as two lone surrogates. */
    public static final String PATH_CHARS = "$.[]'\"*-09ab \\?()@:,用\uD83D\uDE00";
    private static final String SPECIAL_CHARS = "\u0000\t\n\r\u001F\u007F\u0085\u00A0é名字\u200B\u2028\u2029\uFEFF\uFFFD\uFFFF";
    private static final String[] KEYS = {"a", "b", "id", "data", "code", "msg", "error", "a.b", "名字", "*", ""};
    private static final String[] STEP_NAMES = {"a", "b", "id", "data", "code", "msg", "error", "名字", "*"};
    private static final String[] BRACKET_STEPS = {"['a.b']", "[\"名字\"]", "['*']", "['error']", "[*]"};
    private static final String[] JSON_CONTENT_TYPES = {"application/json", "application/json; charset=utf-8", "text/plain", "text/html", ""};
    private static final String[] OTHER_CONTENT_TYPES = {"text/html", "application/x-www-form-urlencoded", "application/jwt",
            "APPLICATION/JSON;charset=GBK", "application/problem+json", "application/x-www-form-urlencoded; charset=UTF-8",
            "text/plain;charset=ISO-8859-1", "application/octet-stream", ";", "application/"};
    private static final int[] COMMON_STATUSES = {200, 201, 204, 301, 400, 401, 500, 503};
    private static final BigInteger TEN_POW_30 = BigInteger.TEN.pow(30);

    private final SplittableRandom random;

    public RandomInputs(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public static long seed() {
        return Long.getLong("fuzz.seed", DEFAULT_SEED);
    }

    public static int iterations() {
        return Integer.getInteger("fuzz.iterations", DEFAULT_ITERATIONS);
    }

    /**
     * Checks {@code property} against {@link #iterations()} inputs. Each iteration gets its own
     * generator, derived from the seed and the property's name, so properties do not share inputs.
     *
     * @throws AssertionError naming seed, iteration and input, caused by the original failure
     */
    public static <T> void forAll(String name, Function<RandomInputs, T> generator, ThrowingConsumer<? super T> property) {
        long seed = seed();
        int iterations = iterations();
        SplittableRandom cases = new SplittableRandom(seed ^ name.hashCode());
        for (int iteration = 0; iteration < iterations; iteration++) {
            T input = generator.apply(new RandomInputs(cases.nextLong()));
            try {
                property.accept(input);
            } catch (Throwable failure) {
                throw new AssertionError("Property '" + name + "' failed at iteration " + (iteration + 1) + " of " + iterations
                        + " (reproduce with -Dfuzz.seed=" + seed + ")\n  input: " + describe(input)
                        + "\n  failure: " + failure, failure);
            }
        }
    }

    /** Records component by component, strings as quoted literals; invisible chars as Java-style unicode escapes. */
    public static String describe(Object input) {
        if (input instanceof String text) {
            return '"' + escape(text.replace("\\", "\\\\").replace("\"", "\\\"")) + '"';
        }
        if (input instanceof Record record) {
            List<String> parts = new ArrayList<>();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    parts.add(component.getName() + "=" + describe(component.getAccessor().invoke(record)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return record.getClass().getSimpleName() + "[" + String.join(", ", parts) + "]";
        }
        return escape(String.valueOf(input));
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c == ' ' || isVisible(c) ? String.valueOf(c) : String.format("\\u%04X", (int) c));
        }
        return out.toString();
    }

    /** Letters, digits, punctuation and symbols; not spaces, controls, marks, surrogates, private or unassigned chars. */
    private static boolean isVisible(char c) {
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER, Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                    Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    // ---- basics ----

    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    public int between(int minInclusive, int maxInclusive) {
        return random.nextInt(minInclusive, maxInclusive + 1);
    }

    @SafeVarargs
    public final <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    /** One of the generators, each equally likely. */
    @SafeVarargs
    public final <T> T oneOf(Supplier<? extends T>... generators) {
        return generators[random.nextInt(generators.length)].get();
    }

    public <T> T orNull(double nullProbability, Supplier<T> generator) {
        return chance(nullProbability) ? null : generator.get();
    }

    public <T> List<T> listOf(int minSize, int maxSize, Supplier<T> element) {
        int size = size(minSize, maxSize);
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(element.get());
        }
        return list;
    }

    /** Small sizes most often, the bounds themselves regularly. */
    private int size(int min, int max) {
        if (chance(0.1)) {
            return chance(0.5) ? min : max;
        }
        return between(min, chance(0.5) ? Math.min(max, min + 3) : max);
    }

    // ---- text ----

    /** Any UTF-16 text up to {@code maxLength} chars: ASCII, path syntax, controls, any BMP char, pairs and lone surrogates. */
    public String string(int maxLength) {
        int length = size(0, maxLength);
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            int kind = random.nextInt(100);
            if (kind < 35) {
                text.append((char) between(0x20, 0x7E));
            } else if (kind < 50) {
                text.append(PATH_CHARS.charAt(random.nextInt(PATH_CHARS.length())));
            } else if (kind < 58) {
                text.append((char) pick(between(0x00, 0x1F), 0x7F, between(0x80, 0x9F)).intValue());
            } else if (kind < 75) {
                text.append((char) between(0xA0, 0xFFFF));
            } else if (kind < 85 && text.length() + 2 <= length) {
                text.appendCodePoint(chance(0.5) ? between(0x1F300, 0x1FAFF) : between(0x10000, 0x10FFFF));
            } else if (kind < 90) {
                text.append((char) between(0xD800, 0xDFFF));
            } else {
                text.append(SPECIAL_CHARS.charAt(random.nextInt(SPECIAL_CHARS.length())));
            }
        }
        return text.toString();
    }

    /** Text up to {@code maxLength} chars, each one of {@code chars} (taken char by char, not by code point). */
    public String stringOf(String chars, int maxLength) {
        int length = size(0, maxLength);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(chars.charAt(random.nextInt(chars.length())));
        }
        return text.toString();
    }

    // ---- numbers ----

    public int anyInt() {
        return oneOf(() -> pick(0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE), () -> between(-1000, 1000), random::nextInt);
    }

    public long anyLong() {
        return oneOf(() -> pick(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 10_000_000_000L), () -> (long) between(-1000, 1000),
                random::nextLong);
    }

    /** Any double: bit patterns (so NaNs, infinities, subnormals), edge values, decimals of scale 2, any magnitude. */
    public double anyDouble() {
        return oneOf(
                () -> Double.longBitsToDouble(random.nextLong()),
                () -> pick(0.0, -0.0, 0.1, -1.5, 1e-7, 1e7, 1e21, 1e300, -1e300, 123456789.125, Double.MIN_VALUE, Double.MIN_NORMAL,
                        Double.MAX_VALUE, -Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY),
                () -> random.nextLong(-1_000_000_000_000L, 1_000_000_000_000L) / 100.0,
                () -> (random.nextDouble() - 0.5) * Math.pow(10, between(-330, 310)));
    }

    public float anyFloat() {
        return oneOf(() -> Float.intBitsToFloat(random.nextInt()),
                () -> pick(0f, -0f, 0.1f, 1e-7f, 1e7f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NaN, Float.NEGATIVE_INFINITY),
                () -> (float) ((random.nextDouble() - 0.5) * Math.pow(10, between(-40, 38))));
    }

    /** Integers of up to {@code maxBits} bits, either sign, plus the usual edges. */
    public BigInteger bigInteger(int maxBits) {
        if (chance(0.1)) {
            return pick(BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE.negate(), BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE),
                    BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE));
        }
        byte[] bytes = new byte[(maxBits + 7) / 8 + 1];
        random.nextBytes(bytes);
        bytes[0] = 0;
        BigInteger magnitude = new BigInteger(bytes).shiftRight(bytes.length * 8 - 8 - between(0, maxBits));
        return chance(0.5) ? magnitude.negate() : magnitude;
    }

    // ---- JSON ----

    /** Trees up to four container levels deep, mixing every node type Jackson produces. */
    public JsonNode tree() {
        return tree(between(0, 4));
    }

    private JsonNode tree(int depth) {
        if (depth == 0) {
            return scalar();
        }
        return oneOf(() -> tree(depth - 1), () -> array(depth - 1), () -> object(4, depth - 1));
    }

    /** Objects only, as SSO answers are: up to five members. */
    public ObjectNode object() {
        ObjectNode object = NODES.objectNode();
        int size = size(0, 5);
        for (int i = 0; i < size; i++) {
            object.set(key(), tree());
        }
        return object;
    }

    private ObjectNode object(int maxSize, int depth) {
        ObjectNode object = NODES.objectNode();
        int size = size(0, maxSize);
        for (int i = 0; i < size; i++) {
            object.set(key(), tree(depth));
        }
        return object;
    }

    private ArrayNode array(int depth) {
        ArrayNode array = NODES.arrayNode();
        int size = size(0, 4);
        for (int i = 0; i < size; i++) {
            array.add(tree(depth));
        }
        return array;
    }

    public JsonNode scalar() {
        return oneOf(
                NODES::nullNode,
                () -> NODES.booleanNode(chance(0.5)),
                () -> NODES.numberNode(anyInt()),
                () -> NODES.numberNode(anyLong()),
                () -> NODES.numberNode(chance(0.1) ? pick(TEN_POW_30, TEN_POW_30.negate()) : bigInteger(99)),
                () -> NODES.numberNode(chance(0.3) ? pick(Double.NaN, Double.NEGATIVE_INFINITY, 1e300, -0.0).doubleValue() : anyDouble()),
                () -> NODES.numberNode(anyFloat()),
                () -> NODES.numberNode(BigDecimal.valueOf(random.nextLong(-1_000_000_000_000_000_000L, 1_000_000_000_000_000_001L), 6)),
                () -> NODES.textNode(string(6)));
    }

    /** Keys the generated paths also use, so that paths and trees actually meet. */
    public String key() {
        return chance(0.5) ? pick(KEYS) : string(4);
    }

    /** Syntactically valid expressions over {@link #key()}, rooted ({@code $.a[0]}) or bare ({@code a[0]}). */
    public String pathExpression() {
        if (chance(0.5)) {
            return "$" + String.join("", listOf(0, 5, this::pathStep));
        }
        return pick(STEP_NAMES) + String.join("", listOf(0, 4, this::pathStep));
    }

    private String pathStep() {
        return oneOf(() -> "." + pick(STEP_NAMES), () -> pick(BRACKET_STEPS), () -> "[" + between(-3, 3) + "]");
    }

    // ---- HTTP answers ----

    public int status() {
        return chance(0.5) ? COMMON_STATUSES[random.nextInt(COMMON_STATUSES.length)] : between(-1, 999);
    }

    /** Content types a JSON answer is sent with, right or wrong. */
    public String jsonContentType() {
        return pick(JSON_CONTENT_TYPES);
    }

    /** Any Content-Type header, including garbage and none at all. */
    public String contentType() {
        return oneOf(this::jsonContentType, () -> pick(OTHER_CONTENT_TYPES), () -> orNull(0.1, () -> string(30)));
    }

    /** Envelope rules over generated paths; each part absent 40% of the time. */
    public Envelope envelope() {
        JsonPath success = orNull(0.4, () -> JsonPath.compile(pathExpression()));
        String value = chance(0.5) ? pick("0", "ok", "true", "", "200") : string(3);
        return new Envelope(success, success == null ? null : value,
                orNull(0.4, () -> JsonPath.compile(pathExpression())), orNull(0.4, () -> JsonPath.compile(pathExpression())));
    }
}
