"""Checks an Airflow DAG file without Airflow (which cannot be installed on the build machine).

Usage: python3 check_dag.py DAG_FILE

Compiles the file (py_compile), reads its structure with the ast module and prints JSON:
the operators (variable, class, task_id, op_args), the dependency edges written with >>,
the keyword arguments of DAG(...) and the default_args, and what classify_exit_code (run in
isolation, without the Airflow imports) returns for some exit codes. Exits 1 with the error on
stderr when the file does not compile.
"""

import ast
import json
import py_compile
import sys
import tempfile


def literal(node):
    """The value of a literal node, or its source text when it is an expression."""
    try:
        return ast.literal_eval(node)
    except (ValueError, SyntaxError):
        return "<expr> " + ast.unparse(node)


def call_name(call):
    func = call.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)


def task_chain(node, names):
    """The task variables of a >> chain, left to right."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.RShift):
        return task_chain(node.left, names) + task_chain(node.right, names)
    if isinstance(node, ast.Name):
        return [node.id]
    if isinstance(node, ast.List):
        return [[e.id for e in node.elts if isinstance(e, ast.Name)]]
    return []


def main(path):
    with tempfile.TemporaryDirectory() as cache:
        try:
            py_compile.compile(path, cfile=cache + "/dag.pyc", doraise=True)
        except py_compile.PyCompileError as error:
            print(error.msg, file=sys.stderr)
            return 1
    with open(path, encoding="utf-8") as source:
        tree = ast.parse(source.read(), filename=path)

    operators = {}
    dag = {}
    default_args = {}
    edges = []
    isolated = []  # the exit-code constants and classify_exit_code, to run without Airflow
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if isinstance(node.value, ast.Call) and call_name(node.value).endswith("Operator"):
                keywords = {k.arg: literal(k.value) for k in node.value.keywords}
                operators[name] = {"class": call_name(node.value), **keywords}
            if name == "DEFAULT_ARGS" and isinstance(node.value, ast.Dict):
                default_args = {literal(k): literal(v) for k, v in zip(node.value.keys, node.value.values)}
            if name.startswith("EXIT_"):
                isolated.append(node)
        if isinstance(node, ast.Call) and call_name(node) == "DAG":
            dag = {k.arg: literal(k.value) for k in node.keywords}
        if isinstance(node, ast.FunctionDef) and node.name == "classify_exit_code":
            isolated.append(node)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.BinOp):
            chain = task_chain(node.value, operators)
            for upstream, downstream in zip(chain, chain[1:]):
                for u in upstream if isinstance(upstream, list) else [upstream]:
                    for d in downstream if isinstance(downstream, list) else [downstream]:
                        edges.append([u, d])

    exit_codes = {}
    if any(isinstance(n, ast.FunctionDef) for n in isolated):
        namespace = {}
        module = ast.Module(body=isolated, type_ignores=[])
        exec(compile(module, path, "exec"), namespace)
        for code in (0, 1, 2, 137):
            exit_codes[str(code)] = namespace["classify_exit_code"](code)

    task_ids = {name: op.get("task_id") for name, op in operators.items()}
    print(json.dumps({
        "operators": operators,
        "edges": [[task_ids.get(u, u), task_ids.get(d, d)] for u, d in edges],
        "dag": dag,
        "default_args": default_args,
        "exit_codes": exit_codes,
    }, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
