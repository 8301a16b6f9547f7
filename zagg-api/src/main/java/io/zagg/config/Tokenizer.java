package io.zagg.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Splits expression text into Python tokens. Only ASCII names, decimal numbers and plain strings. */
final class Tokenizer {

    enum Kind { NUMBER, STRING, NAME, OP, END }

    record Token(Kind kind, String text, Object value, int position) {
        /** How an error message shows the token. */
        String show() {
            return kind == Kind.END ? "end of expression" : "'" + text + "' at character " + (position + 1);
        }
    }

    private static final Pattern NUMBER = Pattern.compile(
            "(?:\\d(?:_?\\d)*)?(?:\\.(?:\\d(?:_?\\d)*)?)?(?:[eE][+-]?\\d(?:_?\\d)*)?");

    private static final String[] OPERATORS = {
        "**", "//", "<=", ">=", "==", "!=", "<<", ">>", "->", ":=",
        "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}",
        ",", ".", ":", "=", ";", "!",
    };

    private Tokenizer() {
    }

    static List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
            } else if (isDigit(c) || c == '.' && i + 1 < n && isDigit(text.charAt(i + 1))) {
                i = number(text, i, out);
            } else if (c == '\'' || c == '"') {
                int end = text.indexOf(c, i + 1);
                int newline = text.indexOf('\n', i + 1);
                if (end < 0 || newline >= 0 && newline < end) {
                    throw ExpressionException.syntax("is not valid: unterminated string starting at character " + (i + 1));
                }
                String value = text.substring(i + 1, end);
                if (value.indexOf('\\') >= 0) {
                    throw ExpressionException.syntax("uses unsupported escape sequences in string " + text.substring(i, end + 1));
                }
                out.add(new Token(Kind.STRING, text.substring(i, end + 1), value, i));
                i = end + 1;
            } else if (isNameStart(c)) {
                int start = i;
                while (i < n && isNamePart(text.charAt(i))) {
                    i++;
                }
                out.add(new Token(Kind.NAME, text.substring(start, i), null, start));
            } else {
                String op = operatorAt(text, i);
                if (op == null) {
                    throw ExpressionException.syntax("is not valid: unexpected character '" + c + "' at character " + (i + 1));
                }
                out.add(new Token(Kind.OP, op, null, i));
                i += op.length();
            }
        }
        out.add(new Token(Kind.END, "", null, n));
        return out;
    }

    private static int number(String text, int start, List<Token> out) {
        java.util.regex.Matcher m = NUMBER.matcher(text);
        m.region(start, text.length());
        m.lookingAt();
        int end = m.end();
        String literal = text.substring(start, end);
        if (end < text.length()) {
            char next = text.charAt(end);
            if (next == 'j' || next == 'J') {
                throw ExpressionException.syntax("uses unsupported complex literal '" + literal + next + "'");
            }
            if (isNamePart(next)) {
                if (literal.equals("0") && "xXoObB".indexOf(next) >= 0) {
                    throw ExpressionException.syntax("uses unsupported non-decimal literal starting at character " + (start + 1));
                }
                throw ExpressionException.syntax("is not valid: unexpected '" + next + "' after number at character " + (end + 1));
            }
        }
        String digits = literal.replace("_", "");
        boolean isFloat = digits.indexOf('.') >= 0 || digits.indexOf('e') >= 0 || digits.indexOf('E') >= 0;
        Number value;
        if (isFloat) {
            double d = Double.parseDouble(digits);
            if (Double.isInfinite(d)) {
                throw ExpressionException.syntax("uses float literal '" + literal + "' which overflows to infinity");
            }
            value = d;
        } else {
            if (digits.length() > 1 && digits.charAt(0) == '0' && !digits.chars().allMatch(ch -> ch == '0')) {
                throw ExpressionException.syntax("is not valid: leading zeros in decimal integer literal '" + literal + "'");
            }
            try {
                value = Long.parseLong(digits);
            } catch (NumberFormatException tooLarge) {
                throw ExpressionException.syntax("uses integer literal '" + literal + "' which does not fit in 64 bits");
            }
        }
        out.add(new Token(Kind.NUMBER, literal, value, start));
        return end;
    }

    private static String operatorAt(String text, int i) {
        for (String op : OPERATORS) {
            if (text.startsWith(op, i)) {
                return op;
            }
        }
        return null;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    static boolean isNamePart(char c) {
        return isNameStart(c) || isDigit(c);
    }
}
