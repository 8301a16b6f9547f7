package io.zagg.config;

import java.util.Set;

/**
 * The load-time half of the language: walks a parsed expression in source order and rejects
 * every name, function, method, attribute, index or argument the evaluator would not accept, so
 * a config fails when it is loaded, not in the middle of a run.
 */
final class Checker {

    /** What an expression may refer to: columns (and chunk values), and whether Python builtins exist. */
    record Scope(Set<String> names, boolean builtins) {
        Scope {
            names = Set.copyOf(names);
        }
    }

    static final String NAMESPACE = "data_source.variables or numpy namespace";

    private final Scope scope;

    private Checker(Scope scope) {
        this.scope = scope;
    }

    static void check(Node node, Scope scope) {
        new Checker(scope).visit(node);
    }

    static boolean isNumpy(Node node) {
        return node instanceof Node.Name && (((Node.Name) node).id().equals("np") || ((Node.Name) node).id().equals("numpy"));
    }

    private boolean isColumn(String id) {
        return scope.names().contains(id);
    }

    private void visit(Node node) {
        if (node instanceof Node.Literal) {
            return;
        }
        if (node instanceof Node.Text) {
            throw ExpressionException.syntax("uses the string " + node + " outside a dtype argument (only astype('uint32') takes one)");
        }
        if (node instanceof Node.Name) {
            name(((Node.Name) node).id());
        } else if (node instanceof Node.Attribute) {
            attribute((Node.Attribute) node);
        } else if (node instanceof Node.Call) {
            call((Node.Call) node);
        } else if (node instanceof Node.Index) {
            Node.Index i = (Node.Index) node;
            visit(i.target());
            if (!isIntegerLiteral(i.index())) {
                throw ExpressionException.syntax("uses unsupported index [" + i.index() + "] (only integer literals such as [0] or [-1])");
            }
        } else if (node instanceof Node.Unary) {
            visit(((Node.Unary) node).operand());
        } else if (node instanceof Node.Binary) {
            visit(((Node.Binary) node).left());
            visit(((Node.Binary) node).right());
        } else if (node instanceof Node.Compare) {
            visit(((Node.Compare) node).left());
            visit(((Node.Compare) node).right());
        } else {
            ((Node.TupleExpr) node).items().forEach(this::visit);
        }
    }

    static boolean isIntegerLiteral(Node n) {
        if (n instanceof Node.Unary && ((Node.Unary) n).op() == Ops.Unary.NEG) {
            n = ((Node.Unary) n).operand();
        }
        return n instanceof Node.Literal && ((Node.Literal) n).value() instanceof Long;
    }

    private void name(String id) {
        if (isColumn(id)) {
            return;
        }
        if (id.equals("np") || id.equals("numpy")) {
            throw ExpressionException.syntax("uses '" + id + "' on its own (call a numpy function, e.g. np.sqrt(x))");
        }
        if (scope.builtins() && Functions.BUILTINS.containsKey(id)) {
            throw ExpressionException.syntax("uses the builtin '" + id + "' without calling it");
        }
        throw ExpressionException.unknownName(id, NAMESPACE);
    }

    private void attribute(Node.Attribute a) {
        if (isNumpy(a.target()) && !isColumn(((Node.Name) a.target()).id())) {
            String member = a.name();
            if (Functions.DTYPES.containsKey(member) || Functions.CONSTANTS.containsKey(member)) {
                return;
            }
            String full = a.target() + "." + member;
            if (Functions.NUMPY.containsKey(member)) {
                throw ExpressionException.syntax("uses " + full + " without calling it");
            }
            throw ExpressionException.syntax("uses unsupported numpy name '" + full + "' (supported: " + Functions.numpyNames()
                    + ", the dtypes np.float32 ... np.uint64 and np.pi, np.e, np.nan, np.inf)");
        }
        visit(a.target());
        throw ExpressionException.syntax("uses unsupported attribute '" + a.name() + "' (supported: the astype method)");
    }

    private void call(Node.Call c) {
        Node callee = c.callee();
        Functions.Function f;
        String shown;
        if (callee instanceof Node.Attribute && isNumpy(((Node.Attribute) callee).target())) {
            Node.Attribute a = (Node.Attribute) callee;
            shown = a.target() + "." + a.name();
            f = Functions.NUMPY.get(a.name());
            if (f == null) {
                throw ExpressionException.syntax("uses unsupported function '" + shown + "' (supported: " + Functions.numpyNames() + ")");
            }
        } else if (callee instanceof Node.Attribute) {
            Node.Attribute a = (Node.Attribute) callee;
            visit(a.target());
            if (!a.name().equals("astype")) {
                throw ExpressionException.syntax("uses unsupported method '" + a.name() + "' (supported: astype)");
            }
            Functions.ASTYPE.bind("astype", c.args().size(), keywordNames(c));
            Node dtype = c.args().isEmpty() ? c.keywords().get(0).value() : c.args().get(0);
            dtypeArgument(dtype);
            return;
        } else if (callee instanceof Node.Name) {
            String id = ((Node.Name) callee).id();
            shown = id;
            f = scope.builtins() ? Functions.BUILTINS.get(id) : null;
            if (f == null) {
                if (isColumn(id)) {
                    throw ExpressionException.syntax("calls '" + id + "', which is a column, not a function");
                }
                if (Functions.BUILTINS.containsKey(id)) {
                    throw ExpressionException.syntax("uses the builtin '" + id + "', which params do not provide (use numpy functions)");
                }
                throw ExpressionException.syntax("uses unsupported function '" + id + "' (supported: "
                        + (scope.builtins() ? String.join(", ", Functions.BUILTINS.keySet()) + " and " : "")
                        + "numpy functions such as np.max)");
            }
        } else {
            throw ExpressionException.syntax("calls " + callee + ", which is not a function");
        }
        f.signature().bind(shown, c.args().size(), keywordNames(c));
        c.args().forEach(this::visit);
        c.keywords().forEach(k -> visit(k.value()));
    }

    private static java.util.List<String> keywordNames(Node.Call c) {
        return c.keywords().stream().map(Node.Keyword::name).toList();
    }

    private void dtypeArgument(Node dtype) {
        if (dtype instanceof Node.Text) {
            String text = ((Node.Text) dtype).value();
            try {
                NumType.parse(text);
            } catch (IllegalArgumentException e) {
                throw ExpressionException.syntax("uses unsupported dtype '" + text + "' (supported: bool, int8 ... int64, uint8 ... uint64,"
                        + " float32, float64)");
            }
            return;
        }
        if (dtype instanceof Node.Attribute && isNumpy(((Node.Attribute) dtype).target())
                && Functions.DTYPES.containsKey(((Node.Attribute) dtype).name())) {
            return;
        }
        throw ExpressionException.syntax("calls astype with " + dtype + ", which is not a dtype (write astype('uint32') or astype(np.uint32))");
    }
}
