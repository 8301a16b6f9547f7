package io.zagg.config;

import io.zagg.config.Tokenizer.Kind;
import io.zagg.config.Tokenizer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recursive-descent parser for the expression language: Python's expression grammar and
 * precedence, restricted to what zagg's configs use. Anything else is rejected here with a
 * message that names the construct.
 *
 * <pre>
 * comparison := bitor [cmp bitor]            (no chains)
 * bitor      := bitand ('|' bitand)*
 * bitand     := arith ('&amp;' arith)*
 * arith      := term (('+'|'-') term)*
 * term       := factor (('*'|'/') factor)*
 * factor     := ('-'|'~') factor | power
 * power      := primary ['**' factor]
 * primary    := atom ('(' args ')' | '[' comparison ']' | '.' NAME)*
 * atom       := NUMBER | STRING | NAME | '(' [comparison (',' comparison)* [',']] ')'
 * </pre>
 */
final class Parser {

    private static final Map<String, String> UNSUPPORTED_OPERATORS = Map.of(
            "//", "floor division '//'", "%", "operator '%'", "@", "operator '@'", "^", "operator '^'",
            "<<", "operator '<<'", ">>", "operator '>>'", ":=", "assignment ':='", "!", "operator '!'",
            ";", "statement separator ';'", "->", "annotation '->'");

    private static final Set<String> LOGICAL_KEYWORDS = Set.of("and", "or", "not");
    private static final Set<String> CONSTANTS = Set.of("True", "False", "None");
    private static final Set<String> KEYWORDS = Set.of(
            "if", "else", "elif", "lambda", "in", "is", "for", "while", "def", "class", "return", "yield",
            "await", "async", "import", "from", "as", "with", "try", "except", "finally", "raise", "del",
            "global", "nonlocal", "pass", "break", "continue", "assert");

    private final List<Token> tokens;
    private int pos;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Node parse(String text) {
        Parser p = new Parser(Tokenizer.tokenize(text));
        if (p.peek().kind() == Kind.END) {
            throw ExpressionException.syntax("is not valid: it is empty");
        }
        Node node = p.comparison();
        Token rest = p.peek();
        if (rest.kind() != Kind.END) {
            throw p.unexpected(rest);
        }
        return node;
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        return tokens.get(pos++);
    }

    private boolean atOp(String op) {
        Token t = peek();
        return t.kind() == Kind.OP && t.text().equals(op);
    }

    private void expect(String op) {
        Token t = next();
        if (t.kind() != Kind.OP || !t.text().equals(op)) {
            throw unexpected(t, "expected '" + op + "'");
        }
    }

    private ExpressionException unexpected(Token t) {
        return unexpected(t, null);
    }

    private ExpressionException unexpected(Token t, String expected) {
        if (t.kind() == Kind.OP && UNSUPPORTED_OPERATORS.containsKey(t.text())) {
            return ExpressionException.syntax("uses unsupported " + UNSUPPORTED_OPERATORS.get(t.text()));
        }
        if (t.kind() == Kind.OP && t.text().equals(":")) {
            return ExpressionException.syntax("uses unsupported slice ':' (index with an integer, e.g. [0])");
        }
        if (t.kind() == Kind.NAME) {
            keyword(t);
        }
        return ExpressionException.syntax("is not valid: unexpected " + t.show() + (expected == null ? "" : ", " + expected));
    }

    /** Rejects Python keywords with a message that says what to write instead. */
    private static void keyword(Token t) {
        String id = t.text();
        if (LOGICAL_KEYWORDS.contains(id)) {
            throw ExpressionException.syntax("uses unsupported keyword '" + id + "' (combine boolean arrays with & | ~)");
        }
        if (CONSTANTS.contains(id)) {
            throw ExpressionException.syntax("uses unsupported constant '" + id + "'");
        }
        if (KEYWORDS.contains(id)) {
            throw ExpressionException.syntax("uses unsupported keyword '" + id + "'");
        }
    }

    private Node comparison() {
        Node left = bitor();
        Ops.Compare op = compareOp();
        if (op == null) {
            return left;
        }
        next();
        Node right = bitor();
        if (compareOp() != null) {
            throw ExpressionException.syntax("uses unsupported chained comparison (write (a < b) & (b < c))");
        }
        return new Node.Compare(op, left, right);
    }

    private Ops.Compare compareOp() {
        Token t = peek();
        if (t.kind() == Kind.NAME && (t.text().equals("in") || t.text().equals("is") || t.text().equals("not"))) {
            keyword(t);
        }
        if (t.kind() != Kind.OP) {
            return null;
        }
        for (Ops.Compare op : Ops.Compare.values()) {
            if (op.symbol.equals(t.text())) {
                return op;
            }
        }
        return null;
    }

    private Node bitor() {
        Node left = bitand();
        while (atOp("|")) {
            next();
            left = new Node.Binary(Ops.Binary.OR, left, bitand());
        }
        return left;
    }

    private Node bitand() {
        Node left = arith();
        while (atOp("&")) {
            next();
            left = new Node.Binary(Ops.Binary.AND, left, arith());
        }
        return left;
    }

    private Node arith() {
        Node left = term();
        while (atOp("+") || atOp("-")) {
            Ops.Binary op = next().text().equals("+") ? Ops.Binary.ADD : Ops.Binary.SUB;
            left = new Node.Binary(op, left, term());
        }
        return left;
    }

    private Node term() {
        Node left = factor();
        while (atOp("*") || atOp("/")) {
            Ops.Binary op = next().text().equals("*") ? Ops.Binary.MUL : Ops.Binary.DIV;
            left = new Node.Binary(op, left, factor());
        }
        return left;
    }

    private Node factor() {
        if (atOp("-") || atOp("~")) {
            Ops.Unary op = next().text().equals("-") ? Ops.Unary.NEG : Ops.Unary.INVERT;
            return new Node.Unary(op, factor());
        }
        if (atOp("+")) {
            throw ExpressionException.syntax("uses unsupported unary '+' at character " + (peek().position() + 1));
        }
        return power();
    }

    private Node power() {
        Node base = primary();
        if (atOp("**")) {
            next();
            return new Node.Binary(Ops.Binary.POW, base, factor());
        }
        return base;
    }

    private Node primary() {
        Node node = atom();
        while (true) {
            if (atOp("(")) {
                next();
                node = call(node);
            } else if (atOp("[")) {
                next();
                Node index = comparison();
                if (atOp(",")) {
                    throw ExpressionException.syntax("uses unsupported multi-dimensional index");
                }
                expect("]");
                node = new Node.Index(node, index);
            } else if (atOp(".")) {
                next();
                Token name = next();
                if (name.kind() != Kind.NAME) {
                    throw unexpected(name, "expected a name after '.'");
                }
                node = new Node.Attribute(node, name.text());
            } else {
                return node;
            }
        }
    }

    private Node call(Node callee) {
        List<Node> args = new ArrayList<>();
        List<Node.Keyword> keywords = new ArrayList<>();
        while (!atOp(")")) {
            Token t = peek();
            Token after = tokens.get(pos + 1 < tokens.size() ? pos + 1 : pos);
            if (t.kind() == Kind.NAME && after.kind() == Kind.OP && after.text().equals("=")) {
                keyword(t);
                next();
                next();
                String name = t.text();
                if (keywords.stream().anyMatch(k -> k.name().equals(name))) {
                    throw ExpressionException.syntax("is not valid: keyword argument '" + name + "' repeated");
                }
                keywords.add(new Node.Keyword(name, comparison()));
            } else {
                if (!keywords.isEmpty()) {
                    throw ExpressionException.syntax("is not valid: positional argument follows keyword argument at character "
                            + (t.position() + 1));
                }
                args.add(comparison());
            }
            if (atOp(",")) {
                next();
            } else if (!atOp(")")) {
                throw unexpected(peek(), "expected ',' or ')'");
            }
        }
        next();
        return new Node.Call(callee, args, keywords);
    }

    private Node atom() {
        Token t = next();
        switch (t.kind()) {
            case NUMBER:
                return new Node.Literal((Number) t.value());
            case STRING:
                return new Node.Text((String) t.value());
            case NAME:
                keyword(t);
                return new Node.Name(t.text());
            case OP:
                if (t.text().equals("(")) {
                    return parenthesised();
                }
                if (t.text().equals("[")) {
                    throw ExpressionException.syntax("uses unsupported list literal at character " + (t.position() + 1));
                }
                if (t.text().equals("{")) {
                    throw ExpressionException.syntax("uses unsupported dict or set literal at character " + (t.position() + 1));
                }
                throw unexpected(t);
            default:
                throw unexpected(t);
        }
    }

    private Node parenthesised() {
        if (atOp(")")) {
            next();
            return new Node.TupleExpr(List.of());
        }
        Node first = comparison();
        if (atOp(")")) {
            next();
            return first;
        }
        List<Node> items = new ArrayList<>();
        items.add(first);
        while (atOp(",")) {
            next();
            if (atOp(")")) {
                break;
            }
            items.add(comparison());
        }
        expect(")");
        return new Node.TupleExpr(items);
    }
}
