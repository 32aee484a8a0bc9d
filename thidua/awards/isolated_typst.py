"""Compile one Typst document in a process of its own, for the award documents whose size would
otherwise stay in the web worker's memory.

Typst memoises its work in a process-wide cache that keeps roughly the last ten compiles: a
decision listing 5,000 awardees leaves about 300 MB behind, so a worker that printed a few of
them would hold gigabytes (measured: bench/bench_awards.py, BENCHMARKS.md "Awards"). A child
process gives that memory back when it exits, for ~0.2 s of start-up, small beside the
seconds such a document takes. Run as a script, not as a module of the package, so the child
imports neither Django nor thidua:

    python thidua/awards/isolated_typst.py < request.json > document.pdf

The request is JSON: {"template", "root", "font_paths", "inputs"} (inputs: Typst's sys.inputs).
"""

import json
import sys


def main() -> None:
    import typst  # noqa: PLC0415 — loaded in the child process, after it has read its request

    request = json.load(sys.stdin.buffer)
    compiler = typst.Compiler(
        request["template"], root=request["root"], font_paths=request["font_paths"], ignore_system_fonts=True
    )
    sys.stdout.buffer.write(compiler.compile(sys_inputs=request["inputs"]))


if __name__ == "__main__":
    main()
