#!/usr/bin/env python3
"""Fails when a module of any workspace crate imports, directly or through others, a module
that imports it back (docs/architecture.md: arrows point one way).

A module is a source file under `src/<crate>/src`. Its edges are the `crate::…` and
`super::…` paths it names outside its `#[cfg(test)]` modules, resolved to the longest
existing module. Edges between a module and its own ancestors are left out: a parent
declares its children and a child may use its parent's items, which is how Rust's module
tree works, not a cycle between siblings. Cycles are found as strongly connected components
(Tarjan, 1972).

Usage: python3 scripts/module_cycles.py   (exit 1 and one line per cycle when there is one)
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
CRATES = ["core", "filter", "cli", "mock", "aggregator", "bench"]
TEST_MODULE = re.compile(r"#\[cfg\(test\)\]\s*(?:pub(?:\(crate\))?\s+)?mod \w+\s*\{")


def module_path(src: str, path: str) -> tuple:
    parts = os.path.relpath(path, src)[:-3].split(os.sep)
    if parts[-1] in ("mod", "lib", "main"):
        parts = parts[:-1]
    return tuple(parts)


def named_paths(path: str, module: tuple) -> set:
    """Module paths named by the non-test code of one file."""
    text = TEST_MODULE.split(open(path, encoding="utf-8").read())[0]
    text = "\n".join(l for l in text.splitlines() if not l.strip().startswith("//"))
    own = module if os.path.basename(path) in ("mod.rs", "lib.rs", "main.rs") else module[:-1]
    out = {tuple(m.group(1).split("::")) for m in re.finditer(r"\bcrate::((?:\w+::)*\w+)", text)}
    for m in re.finditer(r"\bcrate::\{([^}]*)\}", text):
        out |= {(p.strip().split("::")[0],) for p in m.group(1).split(",") if p.strip()}
    for m in re.finditer(r"\b((?:super::)+)((?:\w+::)*\w+)", text):
        up = m.group(1).count("super::")
        base = own[: len(own) - (up - 1)] if up > 1 else own
        out.add(tuple(base) + tuple(m.group(2).split("::")))
    return out


def is_test(module: tuple) -> bool:
    return any("test" in part for part in module)


def cycles(crate: str) -> list:
    src = os.path.join(ROOT, "src", crate, "src")
    files = [os.path.join(d, f) for d, _, fs in os.walk(src) for f in fs if f.endswith(".rs")]
    modules = {module_path(src, f): f for f in files}
    related = lambda a, b: a[: len(b)] == b or b[: len(a)] == a  # noqa: E731
    graph = {m: set() for m in modules}
    for module, path in modules.items():
        if is_test(module):
            continue
        for named in named_paths(path, module):
            for k in range(len(named), 0, -1):
                target = named[:k]
                if target in modules:
                    if not is_test(target) and not related(target, module):
                        graph[module].add(target)
                    break
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append("::".join(w))
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(10_000)
    for v in graph:
        if v not in index:
            visit(v)
    return found


def main() -> int:
    bad = 0
    for crate in CRATES:
        for component in cycles(crate):
            print(f"module cycle in {crate}: {' <-> '.join(component)}")
            bad += 1
    if bad == 0:
        print(f"module cycles: none in {len(CRATES)} crates")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
