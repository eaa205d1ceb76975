"""Plain YAML with line numbers, and nothing else.

Editors' files are parsed to a node tree (PyYAML's safe composer), checked,
and only then turned into Python values: tags that would construct objects
are refused, as are alias bombs and absurd nesting. Every value keeps the
line and column it came from, so errors can point at it.

Problems a file can go on from (a refused tag, a repeated key) are collected
in `Document.problems` so that all of them are reported at once; a syntax
error, an alias bomb or absurd nesting stop reading (`YamlError`).
"""
from __future__ import annotations

from dataclasses import dataclass

import yaml

MAX_DEPTH = 20
MAX_NODES = 10_000  # after expanding aliases; a briefing override needs a few hundred at most

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map", "tag:yaml.org,2002:timestamp",
}
# Dates stay the text the editor wrote ("2026-02-05"), checked later like any other text.
_AS_TEXT = {"tag:yaml.org,2002:timestamp"}

Path = tuple  # a key path into the document: ("hide", 0)


class _Refused:
    """Stands in for a value that was refused, so that checks further on can skip it."""

    def __repr__(self) -> str:
        return "<refused>"


REFUSED = _Refused()


@dataclass(frozen=True, kw_only=True)
class Problem:
    file: str
    line: int  # 1-based
    column: int  # 1-based
    path: str  # dotted key path, "" for the whole file
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where} → {self.path} → {self.message}" if self.path else f"{where} → {self.message}"


@dataclass(frozen=True, kw_only=True)
class Document:
    data: object
    marks: dict[Path, tuple[int, int]]  # key path → (line, column) of its value, 1-based
    key_marks: dict[Path, tuple[int, int]]  # key path → (line, column) of the key itself
    problems: tuple[Problem, ...] = ()  # refused tags and repeated keys, in file order

    def mark(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """The position of a path's value (or key), or of its nearest ancestor that has one."""
        path = tuple(path)
        if key and path in self.key_marks:
            return self.key_marks[path]
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, (1, 1))

    def problem(self, file: str, path: Path, message: str, *, key: bool = False) -> Problem:
        line, column = self.mark(path, key=key)
        return Problem(file=file, line=line, column=column, path=dotted(path), message=message)


class YamlError(Exception):
    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def dotted(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def load(text: str, file: str) -> Document:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = getattr(err, "problem", None) or str(err)
        raise YamlError(Problem(file=file, line=line, column=col, path="",
                                message=f"YAML syntax error: {reason}; fix the file's indentation or quoting")) from None
    if node is None:
        return Document(data={}, marks={}, key_marks={})
    reader = _Reader(file)
    data = reader.value(node, (), 0)
    return Document(data=data, marks=reader.marks, key_marks=reader.key_marks, problems=tuple(reader.problems))


def _position(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Reader:
    """Turns a node tree into plain values, recording positions and collecting problems."""

    def __init__(self, file: str):
        self.file = file
        self.marks: dict[Path, tuple[int, int]] = {}
        self.key_marks: dict[Path, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self.budget = MAX_NODES

    def _problem(self, node: yaml.Node, path: Path, message: str) -> Problem:
        line, column = _position(node)
        return Problem(file=self.file, line=line, column=column, path=dotted(path), message=message)

    def _refuse(self, node: yaml.Node, path: Path, message: str) -> _Refused:
        self.problems.append(self._problem(node, path, message))
        return REFUSED

    def value(self, node: yaml.Node, path: Path, depth: int):
        if depth > MAX_DEPTH:
            raise YamlError(self._problem(node, path, f"nested deeper than {MAX_DEPTH} levels; an override file is flat"))
        self.budget -= 1
        if self.budget < 0:
            raise YamlError(self._problem(node, path, f"expands to more than {MAX_NODES} values (aliases?); "
                                                      "write the values out instead of using anchors and aliases"))
        self.marks[path] = _position(node)
        if node.tag not in _PLAIN_TAGS:
            return self._refuse(node, path, f"the tag {node.tag!r} is not allowed; only plain YAML values are "
                                            "(remove the '!…' and write the value as text)")
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, path + (n,), depth + 1) for n, item in enumerate(node.value)]
        if node.tag in _AS_TEXT:
            return node.value
        return _SCALARS.yaml_constructors[node.tag](_SCALARS, node)

    def _mapping(self, node: yaml.MappingNode, path: Path, depth: int) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _PLAIN_TAGS:
                self._refuse(key_node, path, "a key must be a plain word or name; write it as text")
                continue
            key = key_node.value  # keys are names as written: "2026" and "yes" stay text
            if key in result:
                self._refuse(key_node, path + (key,), f"the key {key!r} appears twice; keep one")
                continue
            self.key_marks[path + (key,)] = _position(key_node)
            result[key] = self.value(value_node, path + (key,), depth + 1)
        return result


_SCALARS = yaml.constructor.SafeConstructor()
