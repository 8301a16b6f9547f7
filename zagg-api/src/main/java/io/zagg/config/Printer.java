package io.zagg.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Prints a syntax tree as Python source. Every operator is parenthesised, so the text parses
 * back to the same tree whatever the precedence, and a float keeps every bit.
 */
final class Printer {

    private Printer() {
    }

    static String print(Node node) {
        if (node instanceof Node.Literal) {
            Number v = ((Node.Literal) node).value();
            // Double.toString is the shortest text that reads back to the same double
            return v instanceof Double ? Double.toString(v.doubleValue()) : v.toString();
        }
        if (node instanceof Node.Text) {
            String s = ((Node.Text) node).value();
            char quote = s.indexOf('\'') >= 0 ? '"' : '\'';
            return quote + s + quote;
        }
        if (node instanceof Node.Name) {
            return ((Node.Name) node).id();
        }
        if (node instanceof Node.Attribute) {
            Node.Attribute a = (Node.Attribute) node;
            return primary(a.target()) + "." + a.name();
        }
        if (node instanceof Node.Call) {
            Node.Call c = (Node.Call) node;
            List<String> parts = new ArrayList<>();
            c.args().forEach(arg -> parts.add(print(arg)));
            c.keywords().forEach(k -> parts.add(k.name() + "=" + print(k.value())));
            return primary(c.callee()) + "(" + String.join(", ", parts) + ")";
        }
        if (node instanceof Node.Index) {
            Node.Index i = (Node.Index) node;
            return primary(i.target()) + "[" + print(i.index()) + "]";
        }
        if (node instanceof Node.Unary) {
            Node.Unary u = (Node.Unary) node;
            return "(" + u.op().symbol + print(u.operand()) + ")";
        }
        if (node instanceof Node.Binary) {
            Node.Binary b = (Node.Binary) node;
            return "(" + print(b.left()) + " " + b.op().symbol + " " + print(b.right()) + ")";
        }
        if (node instanceof Node.Compare) {
            Node.Compare c = (Node.Compare) node;
            return "(" + print(c.left()) + " " + c.op().symbol + " " + print(c.right()) + ")";
        }
        List<Node> items = ((Node.TupleExpr) node).items();
        List<String> parts = new ArrayList<>();
        items.forEach(item -> parts.add(print(item)));
        return "(" + String.join(", ", parts) + (items.size() == 1 ? ",)" : ")");
    }

    /** A literal before {@code .}, {@code (} or {@code [} needs parentheses ({@code 1.real} is not Python). */
    private static String primary(Node node) {
        return node instanceof Node.Literal ? "(" + print(node) + ")" : print(node);
    }
}
