package io.zagg.config;

import java.util.List;

/**
 * The syntax tree of an expression: the subset of Python expression syntax zagg's configs use.
 * Immutable; {@link #toString()} prints source text that parses back to an equal tree.
 */
sealed interface Node {

    /** A numeric literal: a {@link Long} (Python int) or a {@link Double} (Python float). */
    record Literal(Number value) implements Node {
        @Override
        public String toString() {
            return Printer.print(this);
        }
    }

    /** A string literal (only meaningful as a dtype name). */
    record Text(String value) implements Node {
        @Override
        public String toString() {
            return Printer.print(this);
        }
    }

    record Name(String id) implements Node {
        @Override
        public String toString() {
            return id;
        }
    }

    /** {@code target.name}: a numpy member ({@code np.float32}) or a method before its call. */
    record Attribute(Node target, String name) implements Node {
        @Override
        public String toString() {
            return Printer.print(this);
        }
    }

    record Keyword(String name, Node value) {
    }

    record Call(Node callee, List<Node> args, List<Keyword> keywords) implements Node {
        public Call {
            args = List.copyOf(args);
            keywords = List.copyOf(keywords);
        }

        @Override
        public String toString() {
            return Printer.print(this);
        }
    }

    record Index(Node target, Node index) implements Node {
        @Override
        public String toString() {
            return Printer.print(this);
        }
    }

    record Unary(Ops.Unary op, Node operand) implements Node {
        @Override
        public String toString() {
            return Printer.print(this);
        }
    }

    record Binary(Ops.Binary op, Node left, Node right) implements Node {
        @Override
        public String toString() {
            return Printer.print(this);
        }
    }

    record Compare(Ops.Compare op, Node left, Node right) implements Node {
        @Override
        public String toString() {
            return Printer.print(this);
        }
    }

    record TupleExpr(List<Node> items) implements Node {
        public TupleExpr {
            items = List.copyOf(items);
        }

        @Override
        public String toString() {
            return Printer.print(this);
        }
    }
}
