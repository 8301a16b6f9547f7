package io.zagg.config;

/** The operators of the expression language, with the Python spelling they print as. */
final class Ops {

    private Ops() {
    }

    enum Binary {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), POW("**"), AND("&"), OR("|");

        final String symbol;

        Binary(String symbol) {
            this.symbol = symbol;
        }
    }

    enum Compare {
        LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!=");

        final String symbol;

        Compare(String symbol) {
            this.symbol = symbol;
        }

        boolean test(int cmp) {
            switch (this) {
                case LT: return cmp < 0;
                case LE: return cmp <= 0;
                case GT: return cmp > 0;
                case GE: return cmp >= 0;
                case EQ: return cmp == 0;
                default: return cmp != 0;
            }
        }

        /** IEEE comparison: every comparison with NaN is false except {@code !=}. */
        boolean test(double a, double b) {
            switch (this) {
                case LT: return a < b;
                case LE: return a <= b;
                case GT: return a > b;
                case GE: return a >= b;
                case EQ: return a == b;
                default: return a != b;
            }
        }
    }

    enum Unary {
        NEG("-"), INVERT("~");

        final String symbol;

        Unary(String symbol) {
            this.symbol = symbol;
        }
    }
}
