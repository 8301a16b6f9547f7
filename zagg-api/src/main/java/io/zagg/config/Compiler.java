package io.zagg.config;

import java.util.List;

/**
 * Turns a checked syntax tree into a tree of evaluation steps, resolving each call's function and
 * argument order once so that evaluating a cell does no lookups beyond its column names.
 */
final class Compiler {

    /** What a step evaluates against. */
    record Env(Namespace namespace, NumpyFunctions numpy) {
    }

    interface Step {
        Val eval(Env env);
    }

    private Compiler() {
    }

    static Step compile(Node node) {
        if (node instanceof Node.Literal) {
            Number v = ((Node.Literal) node).value();
            Val value = v instanceof Long ? Scalar.pyInt(v.longValue()) : Scalar.pyFloat(v.doubleValue());
            return env -> value;
        }
        if (node instanceof Node.Text) {
            Val value = new Val.Text(((Node.Text) node).value());
            return env -> value;
        }
        if (node instanceof Node.Name) {
            String id = ((Node.Name) node).id();
            return env -> env.namespace().value(id);
        }
        if (node instanceof Node.Attribute) {
            // only numpy members reach here (the checker rejects other attributes)
            String member = ((Node.Attribute) node).name();
            NumType dtype = Functions.DTYPES.get(member);
            Val value = dtype != null ? new Val.DTypeRef(dtype) : Scalar.pyFloat(Functions.CONSTANTS.get(member));
            return env -> value;
        }
        if (node instanceof Node.Call) {
            return call((Node.Call) node);
        }
        if (node instanceof Node.Index) {
            Node.Index i = (Node.Index) node;
            Step target = compile(i.target());
            long index = indexValue(i.index());
            return env -> index(target.eval(env), index);
        }
        if (node instanceof Node.Unary) {
            Node.Unary u = (Node.Unary) node;
            Step operand = compile(u.operand());
            return env -> Arith.unary(u.op(), operand(operand.eval(env), u.op().symbol));
        }
        if (node instanceof Node.Binary) {
            Node.Binary b = (Node.Binary) node;
            Step left = compile(b.left());
            Step right = compile(b.right());
            return env -> Arith.binary(b.op(), operand(left.eval(env), b.op().symbol), operand(right.eval(env), b.op().symbol));
        }
        if (node instanceof Node.Compare) {
            Node.Compare c = (Node.Compare) node;
            Step left = compile(c.left());
            Step right = compile(c.right());
            return env -> Arith.compare(c.op(), operand(left.eval(env), c.op().symbol), operand(right.eval(env), c.op().symbol));
        }
        List<Step> items = ((Node.TupleExpr) node).items().stream().map(Compiler::compile).toList();
        return env -> new Val.Tuple(items.stream().map(s -> s.eval(env)).toList());
    }

    private static Numeric operand(Val v, String operator) {
        if (v instanceof Numeric) {
            return (Numeric) v;
        }
        throw new EvaluationException("unsupported operand for " + operator + ": a " + Val.describe(v));
    }

    private static long indexValue(Node index) {
        if (index instanceof Node.Unary) {
            return -((Node.Literal) ((Node.Unary) index).operand()).value().longValue();
        }
        return ((Node.Literal) index).value().longValue();
    }

    private static Val index(Val target, long index) {
        if (target instanceof Val.Tuple) {
            List<Val> items = ((Val.Tuple) target).items();
            long i = index < 0 ? index + items.size() : index;
            if (i < 0 || i >= items.size()) {
                throw new EvaluationException("tuple index " + index + " out of range (size " + items.size() + ")");
            }
            return items.get((int) i);
        }
        if (target instanceof Arr) {
            Arr a = (Arr) target;
            long i = index < 0 ? index + a.size() : index;
            if (i < 0 || i >= a.size()) {
                throw new EvaluationException("index " + index + " is out of bounds for axis 0 with size " + a.size());
            }
            return a.get((int) i);
        }
        throw new EvaluationException("invalid index to scalar variable (a " + Val.describe(target) + ")");
    }

    private static Step call(Node.Call c) {
        Node callee = c.callee();
        List<Step> args = c.args().stream().map(Compiler::compile).toList();
        List<Step> keywords = c.keywords().stream().map(k -> compile(k.value())).toList();
        List<String> keywordNames = c.keywords().stream().map(Node.Keyword::name).toList();
        if (callee instanceof Node.Attribute && !Checker.isNumpy(((Node.Attribute) callee).target())) {
            Step receiver = compile(((Node.Attribute) callee).target());
            Step dtype = args.isEmpty() ? keywords.get(0) : args.get(0);
            return env -> Functions.astype(receiver.eval(env), dtype.eval(env));
        }
        Functions.Function f = callee instanceof Node.Name
                ? Functions.BUILTINS.get(((Node.Name) callee).id())
                : Functions.NUMPY.get(((Node.Attribute) callee).name());
        int[] slots = f.signature().bind(f.name(), args.size(), keywordNames);
        return env -> {
            Val[] values = new Val[slots.length];
            for (int i = 0; i < slots.length; i++) {
                int slot = slots[i];
                if (slot >= 0) {
                    values[i] = slot < args.size() ? args.get(slot).eval(env) : keywords.get(slot - args.size()).eval(env);
                }
            }
            return f.impl().apply(values, env.numpy());
        };
    }
}
