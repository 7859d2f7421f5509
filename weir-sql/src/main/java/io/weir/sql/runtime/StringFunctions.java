package io.weir.sql.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Flink's string, hash and regular-expression functions. Generated code returns NULL before the
 * call when an argument is NULL (all of these are strict but CONCAT_WS); a result Flink gives as NULL
 * (no match, an index out of range, an invalid pattern) is returned as null.
 */
public final class StringFunctions {

    private StringFunctions() {
    }

    private static final HexFormat HEX = HexFormat.of();

    public static String md5(String s) {
        return digest("MD5", s);
    }

    public static String sha1(String s) {
        return digest("SHA-1", s);
    }

    public static String sha224(String s) {
        return digest("SHA-224", s);
    }

    public static String sha256(String s) {
        return digest("SHA-256", s);
    }

    public static String sha384(String s) {
        return digest("SHA-384", s);
    }

    public static String sha512(String s) {
        return digest("SHA-512", s);
    }

    /** SHA-2 of the given bit length (224, 256, 384 or 512; 0 means 256); NULL for another length, as in Flink. */
    public static String sha2(String s, Number bits) {
        return switch (bits.intValue()) {
            case 224 -> sha224(s);
            case 0, 256 -> sha256(s);
            case 384 -> sha384(s);
            case 512 -> sha512(s);
            default -> null;
        };
    }

    private static String digest(String algorithm, String s) {
        try {
            return HEX.formatHex(MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is not available in this JVM", e);
        }
    }

    public static String toBase64(Object value) {
        byte[] bytes = value instanceof byte[] b ? b : value.toString().getBytes(StandardCharsets.UTF_8);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The decoded bytes as UTF-8 text; an invalid input is an error that names it. */
    public static String fromBase64(String s) {
        try {
            return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("FROM_BASE64: '" + s + "' is not base64 (" + e.getMessage() + ")", e);
        }
    }

    /** The parts between the delimiter (taken literally); an empty delimiter splits every character. */
    public static List<Object> split(String s, String delimiter) {
        List<Object> parts = new ArrayList<>();
        if (s.isEmpty()) {
            return parts;
        }
        if (delimiter.isEmpty()) {
            s.codePoints().forEach(c -> parts.add(new String(Character.toChars(c))));
            return parts;
        }
        int from = 0;
        int at;
        while ((at = s.indexOf(delimiter, from)) >= 0) {
            parts.add(s.substring(from, at));
            from = at + delimiter.length();
        }
        parts.add(s.substring(from));
        return parts;
    }

    /** The {@code index}-th (from 0) part between the delimiter, or NULL if there is none. */
    public static String splitIndex(String s, String delimiter, Number index) {
        int i = index.intValue();
        if (i < 0 || delimiter.isEmpty()) {
            return null;
        }
        List<Object> parts = split(s, delimiter);
        return i < parts.size() ? (String) parts.get(i) : null;
    }

    private static final Map<String, Pattern> PATTERNS = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Pattern> eldest) {
                    return size() > 256;
                }
            });

    /** The compiled pattern, or null if it is no valid regular expression (Flink then returns NULL). */
    private static Pattern pattern(String regex) {
        Pattern cached = PATTERNS.get(regex);
        if (cached != null) {
            return cached;
        }
        try {
            Pattern compiled = Pattern.compile(regex);
            PATTERNS.put(regex, compiled);
            return compiled;
        } catch (PatternSyntaxException e) {
            return null;
        }
    }

    /** Group {@code group} (1 by default, 0 the whole match) of the first match; NULL without a match. */
    public static String regexpExtract(String s, String regex, Number group) {
        Pattern p = pattern(regex);
        if (p == null) {
            return null;
        }
        Matcher m = p.matcher(s);
        int g = group == null ? 1 : group.intValue();
        if (!m.find() || g < 0 || g > m.groupCount()) {
            return null;
        }
        return m.group(g);
    }

    public static String regexpExtract(String s, String regex) {
        return regexpExtract(s, regex, null);
    }

    /** Group {@code group} (0 by default) of every match. */
    public static List<Object> regexpExtractAll(String s, String regex, Number group) {
        Pattern p = pattern(regex);
        int g = group == null ? 0 : group.intValue();
        if (p == null || g < 0) {
            return null;
        }
        Matcher m = p.matcher(s);
        if (g > m.groupCount()) {
            return null;
        }
        List<Object> all = new ArrayList<>();
        while (m.find()) {
            all.add(m.group(g));
        }
        return all;
    }

    public static List<Object> regexpExtractAll(String s, String regex) {
        return regexpExtractAll(s, regex, null);
    }

    public static String regexpReplace(String s, String regex, String replacement) {
        Pattern p = pattern(regex);
        if (p == null) {
            return null;
        }
        try {
            return p.matcher(s).replaceAll(replacement);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Whether any part of {@code s} matches. */
    public static Boolean regexp(String s, String regex) {
        Pattern p = pattern(regex);
        return p == null ? null : p.matcher(s).find();
    }

    public static Integer regexpCount(String s, String regex) {
        Pattern p = pattern(regex);
        if (p == null) {
            return null;
        }
        Matcher m = p.matcher(s);
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }

    /** The 1-based position of the first match, 0 without one. */
    public static Integer regexpInstr(String s, String regex) {
        Pattern p = pattern(regex);
        if (p == null) {
            return null;
        }
        Matcher m = p.matcher(s);
        return m.find() ? m.start() + 1 : 0;
    }

    public static String regexpSubstr(String s, String regex) {
        Pattern p = pattern(regex);
        if (p == null) {
            return null;
        }
        Matcher m = p.matcher(s);
        return m.find() ? m.group() : null;
    }

    public static String concat(Object... parts) {
        StringBuilder joined = new StringBuilder();
        for (Object part : parts) {
            joined.append(SqlFunctions.toStringValue(part));
        }
        return joined.toString();
    }

    /** The non-NULL parts joined by the separator; NULL only for a NULL separator. */
    public static String concatWs(Object separator, Object... parts) {
        if (separator == null) {
            return null;
        }
        StringBuilder joined = new StringBuilder();
        boolean first = true;
        for (Object part : parts) {
            if (part == null) {
                continue;
            }
            if (!first) {
                joined.append(separator);
            }
            joined.append(SqlFunctions.toStringValue(part));
            first = false;
        }
        return joined.toString();
    }

    public static String left(String s, Number n) {
        int length = n.intValue();
        return length <= 0 ? "" : s.substring(0, Math.min(length, s.length()));
    }

    public static String right(String s, Number n) {
        int length = n.intValue();
        return length <= 0 ? "" : s.substring(Math.max(0, s.length() - length));
    }

    public static String repeat(String s, Number n) {
        return n.intValue() <= 0 ? "" : s.repeat(n.intValue());
    }

    public static String reverse(String s) {
        return new StringBuilder(s).reverse().toString();
    }

    /** {@code s} left-padded with {@code pad} to {@code length}, or cut to it; NULL for a negative length. */
    public static String lpad(String s, Number length, String pad) {
        return pad(s, length.intValue(), pad, true);
    }

    public static String rpad(String s, Number length, String pad) {
        return pad(s, length.intValue(), pad, false);
    }

    private static String pad(String s, int length, String pad, boolean left) {
        if (length < 0) {
            return null;
        }
        if (length <= s.length()) {
            return s.substring(0, length);
        }
        if (pad.isEmpty()) {
            return s;
        }
        StringBuilder padding = new StringBuilder();
        while (padding.length() < length - s.length()) {
            padding.append(pad);
        }
        padding.setLength(length - s.length());
        return left ? padding + s : s + padding;
    }

    /** The 1-based position of {@code needle} in {@code s}, 0 if absent. */
    public static int instr(String s, String needle) {
        return s.indexOf(needle) + 1;
    }

    /** The 1-based position of {@code needle} in {@code s} at or after position {@code from}, 0 if absent. */
    public static int locate(String needle, String s, Number from) {
        int start = from == null ? 1 : from.intValue();
        if (start < 1) {
            return 0;
        }
        return s.indexOf(needle, start - 1) + 1;
    }

    public static int locate(String needle, String s) {
        return locate(needle, s, null);
    }

    public static String ltrim(String s) {
        return s.replaceFirst("^ +", "");
    }

    public static String rtrim(String s) {
        return s.replaceFirst(" +$", "");
    }

    /** SUBSTR(s, start[, length]), as SUBSTRING. */
    public static String substr(String s, Number start, Number length) {
        return length == null ? SqlFunctions.substring(s, start.longValue())
                : SqlFunctions.substring(s, start.longValue(), length.longValue());
    }

    public static String substr(String s, Number start) {
        return substr(s, start, null);
    }

    public static String replace(String s, String search, String replacement) {
        return s.replace(search, replacement);
    }

    /** Each word (a run of letters and digits) with its first character upper-cased and the rest lower-cased. */
    public static String initcap(String s) {
        StringBuilder result = new StringBuilder(s.length());
        boolean start = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean wordChar = Character.isLetterOrDigit(c);
            result.append(wordChar ? (start ? Character.toUpperCase(c) : Character.toLowerCase(c)) : c);
            start = !wordChar;
        }
        return result.toString();
    }

    public static int ascii(String s) {
        return s.isEmpty() ? 0 : s.charAt(0);
    }

    /** The character of the code {@code n} modulo 256, as in Flink. */
    public static String chr(Number n) {
        long code = n.longValue();
        if (code < 0) {
            return "";
        }
        return String.valueOf((char) (code % 256));
    }

    /** OVERLAY(s PLACING r FROM start [FOR length]). */
    public static String overlay(String s, String replacement, Number start, Number length) {
        int from = start.intValue() - 1;
        int count = length == null ? replacement.length() : length.intValue();
        if (from < 0 || from > s.length()) {
            return s;
        }
        return s.substring(0, from) + replacement + s.substring(Math.min(s.length(), from + Math.max(count, 0)));
    }

    public static String overlay(String s, String replacement, Number start) {
        return overlay(s, replacement, start, null);
    }

    public static Boolean isAlpha(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isLetter);
    }

    public static Boolean isDigit(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    public static Boolean isDecimal(String s) {
        try {
            new java.math.BigDecimal(s.trim());
            return !s.trim().isEmpty();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public static String uuid() {
        return UUID.randomUUID().toString();
    }

    /** STR_TO_MAP(s[, pairDelimiter, keyValueDelimiter]): both delimiters are regular expressions (',' and '='). */
    public static Map<Object, Object> strToMap(String s, String pairDelimiter, String keyValueDelimiter) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (String pair : s.split(pairDelimiter == null ? "," : pairDelimiter, -1)) {
            String[] kv = pair.split(keyValueDelimiter == null ? "=" : keyValueDelimiter, 2);
            map.put(kv[0], kv.length > 1 ? kv[1] : null);
        }
        return map;
    }

    public static Map<Object, Object> strToMap(String s) {
        return strToMap(s, null, null);
    }

    /** PARSE_URL(url, part[, key]): a part of the URL (HOST, PATH, QUERY, REF, PROTOCOL, AUTHORITY, FILE, USERINFO), or a query parameter. */
    public static String parseUrl(String url, String part, String key) {
        java.net.URL parsed;
        try {
            parsed = java.net.URI.create(url).toURL();
        } catch (IllegalArgumentException | java.net.MalformedURLException e) {
            return null;
        }
        String value = switch (part.toUpperCase(Locale.ROOT)) {
            case "HOST" -> parsed.getHost();
            case "PATH" -> parsed.getPath();
            case "QUERY" -> parsed.getQuery();
            case "REF" -> parsed.getRef();
            case "PROTOCOL" -> parsed.getProtocol();
            case "AUTHORITY" -> parsed.getAuthority();
            case "FILE" -> parsed.getFile();
            case "USERINFO" -> parsed.getUserInfo();
            default -> null;
        };
        if (key == null || value == null || !part.equalsIgnoreCase("QUERY")) {
            return value;
        }
        for (String pair : value.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(key)) {
                return kv.length > 1 ? kv[1] : "";
            }
        }
        return null;
    }

    public static String parseUrl(String url, String part) {
        return parseUrl(url, part, null);
    }

    // Flink 2.x's newer string and encoding functions (BIN ... JSON_UNQUOTE).

    private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();

    /** The character sets ENCODE and DECODE accept, as in Flink. */
    private static final List<String> CHARSETS =
            List.of("US-ASCII", "ISO-8859-1", "UTF-8", "UTF-16BE", "UTF-16LE", "UTF-16");

    /** BIN(n): the two's-complement binary digits of a whole number ({@code BIN(12)} is 1100). */
    public static String bin(Number n) {
        return Long.toBinaryString(n.longValue());
    }

    /** HEX(n | s): an integer's hex digits, or the hex of a string's UTF-8 bytes (or of bytes), upper-case. */
    public static String hex(Object value) {
        if (value instanceof String s) {
            return UPPER_HEX.formatHex(s.getBytes(StandardCharsets.UTF_8));
        }
        if (value instanceof byte[] bytes) {
            return UPPER_HEX.formatHex(bytes);
        }
        return Long.toHexString(((Number) value).longValue()).toUpperCase(Locale.ROOT);
    }

    /**
     * UNHEX(s): the bytes hex digits stand for (either case); an odd count reads the first digit
     * alone; NULL when a character is no hex digit.
     */
    public static byte[] unhex(String s) {
        String digits = s.length() % 2 == 1 ? "0" + s : s;
        byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            int high = Character.digit(digits.charAt(2 * i), 16);
            int low = Character.digit(digits.charAt(2 * i + 1), 16);
            if (high < 0 || low < 0) {
                return null;
            }
            bytes[i] = (byte) (high << 4 | low);
        }
        return bytes;
    }

    /** ENCODE(s, charset): the string's bytes in one of Flink's six character sets. */
    public static byte[] encode(String s, String charset) {
        return s.getBytes(charset(charset, "ENCODE"));
    }

    /** DECODE(bytes, charset): the text the bytes are in the character set. */
    public static String decode(byte[] bytes, String charset) {
        return new String(bytes, charset(charset, "DECODE"));
    }

    private static java.nio.charset.Charset charset(String name, String function) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (!CHARSETS.contains(upper)) {
            throw new IllegalArgumentException(function + " was given the character set '" + name
                    + "'; use one of " + CHARSETS);
        }
        return java.nio.charset.Charset.forName(upper);
    }

    /** BTRIM(s[, characters]): the characters (spaces by default) removed from both ends. */
    public static String btrim(String s, String characters) {
        int start = 0;
        int end = s.length();
        while (start < end && characters.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && characters.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }

    public static String btrim(String s) {
        return btrim(s, " ");
    }

    /**
     * TRANSLATE(s, from, to): each character of {@code from} replaced by the one at its position in
     * {@code to}, or removed where {@code to} is shorter; the first occurrence in {@code from} counts.
     */
    public static String translate(String s, String from, String to) {
        Map<Character, Character> replacements = new java.util.HashMap<>();
        for (int i = 0; i < from.length(); i++) {
            replacements.putIfAbsent(from.charAt(i), i < to.length() ? to.charAt(i) : null);
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!replacements.containsKey(c)) {
                out.append(c);
            } else if (replacements.get(c) != null) {
                out.append(replacements.get(c).charValue());
            }
        }
        return out.toString();
    }

    /** ELT(index, e1, e2, ...): the index-th value (from 1); NULL outside 1..n. */
    public static Object elt(Number index, Object... values) {
        long i = index.longValue();
        return i < 1 || i > values.length ? null : values[(int) i - 1];
    }

    /** PRINTF(format, args...): Java's {@code String.format}. */
    public static String printf(String format, Object... args) {
        Object[] converted = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            converted[i] = arg instanceof java.time.LocalDateTime || arg instanceof java.time.Instant
                    ? SqlFunctions.toStringValue(arg) : arg;
        }
        return String.format(Locale.ROOT, format, converted);
    }

    /** STARTSWITH(s, prefix) on strings or bytes; an empty prefix starts every value. */
    public static boolean startswith(Object value, Object prefix) {
        if (value instanceof byte[] bytes) {
            byte[] p = (byte[]) prefix;
            return bytes.length >= p.length && java.util.Arrays.equals(bytes, 0, p.length, p, 0, p.length);
        }
        return ((String) value).startsWith((String) prefix);
    }

    /** ENDSWITH(s, suffix) on strings or bytes. */
    public static boolean endswith(Object value, Object suffix) {
        if (value instanceof byte[] bytes) {
            byte[] p = (byte[]) suffix;
            return bytes.length >= p.length
                    && java.util.Arrays.equals(bytes, bytes.length - p.length, bytes.length, p, 0, p.length);
        }
        return ((String) value).endsWith((String) suffix);
    }

    /**
     * SUBSTRING_INDEX(s, delimiter, count): the text before the count-th delimiter (after the
     * count-th from the end when negative); all of it when there are fewer; empty for a count of 0.
     */
    public static String substringIndex(String s, String delimiter, Number count) {
        int n = count.intValue();
        if (n == 0 || s.isEmpty() || delimiter.isEmpty()) {
            return "";
        }
        if (n > 0) {
            int at = -delimiter.length();
            for (int i = 0; i < n; i++) {
                at = s.indexOf(delimiter, at + delimiter.length());
                if (at < 0) {
                    return s;
                }
            }
            return s.substring(0, at);
        }
        int at = s.length();
        for (int i = 0; i < -n; i++) {
            at = at <= 0 ? -1 : s.lastIndexOf(delimiter, at - 1);
            if (at < 0) {
                return s;
            }
        }
        return s.substring(at + delimiter.length());
    }

    /** URL_ENCODE(s): application/x-www-form-urlencoded in UTF-8. */
    public static String urlEncode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** URL_DECODE(s): the decoded text; NULL when it is not validly encoded. */
    public static String urlDecode(String s) {
        try {
            return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** JSON_QUOTE(s): s as a JSON string literal, with Flink's escapes ({@code /} and non-ASCII as well). */
    public static String jsonQuote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '/' -> out.append("\\/");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c > 127) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * JSON_UNQUOTE(s): the text of a JSON string literal, escapes resolved; any other input (not a
     * valid JSON string) comes back unchanged.
     */
    public static String jsonUnquote(String s) {
        if (s.length() < 2 || s.charAt(0) != '"' || s.charAt(s.length() - 1) != '"'
                || !JsonSqlFunctions.isJson(s, "SCALAR")) {
            return s;
        }
        Object parsed = org.apache.calcite.runtime.JsonFunctions.dejsonize(s);
        return parsed instanceof String text ? text : s;
    }

    /** Calcite's LIKE and SIMILAR TO matchers (with their pattern caches), for patterns with an ESCAPE character. */
    private static final org.apache.calcite.runtime.SqlFunctions.LikeFunction LIKE =
            new org.apache.calcite.runtime.SqlFunctions.LikeFunction();
    private static final org.apache.calcite.runtime.SqlFunctions.SimilarFunction SIMILAR =
            new org.apache.calcite.runtime.SqlFunctions.SimilarFunction();
    private static final org.apache.calcite.runtime.SqlFunctions.SimilarEscapeFunction SIMILAR_ESCAPE =
            new org.apache.calcite.runtime.SqlFunctions.SimilarEscapeFunction();

    /** {@code s LIKE pattern ESCAPE e}: {@code e} before {@code %}, {@code _} or itself makes it literal. */
    public static boolean like(String s, String pattern, String escape) {
        checkEscape(escape, "LIKE");
        return LIKE.like(s, pattern, escape);
    }

    /** {@code s SIMILAR TO pattern [ESCAPE e]}: SQL's regular expressions, matching the whole string. */
    public static boolean similar(String s, String pattern, String escape) {
        if (escape == null) {
            return SIMILAR.similar(s, pattern);
        }
        checkEscape(escape, "SIMILAR TO");
        return SIMILAR_ESCAPE.similar(s, pattern, escape);
    }

    public static boolean similar(String s, String pattern) {
        return SIMILAR.similar(s, pattern);
    }

    private static void checkEscape(String escape, String operator) {
        if (escape.length() != 1) {
            throw new IllegalArgumentException(operator + "'s ESCAPE must be one character, not '" + escape + "'");
        }
    }
}
