"""Plain YAML with line numbers, and nothing else.

Editors' files are parsed to a node tree (PyYAML's safe composer), checked,
and only then turned into Python values: tags that would construct objects
are refused, as are alias bombs and absurd nesting. Every value keeps the
line and column it came from, so errors can point at it.
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

Path = tuple  # a key path into the document: ("hide", 0)


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

    def mark(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """The position of a path's value (or key), or of its nearest ancestor that has one."""
        path = tuple(path)
        if key and path in self.key_marks:
            return self.key_marks[path]
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, (1, 1))


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
    marks: dict[Path, tuple[int, int]] = {}
    key_marks: dict[Path, tuple[int, int]] = {}
    data = _to_python(node, (), 0, marks, key_marks, [MAX_NODES], file)
    return Document(data=data, marks=marks, key_marks=key_marks)


def _problem(file: str, node: yaml.Node, path: Path, message: str) -> YamlError:
    return YamlError(Problem(file=file, line=node.start_mark.line + 1, column=node.start_mark.column + 1,
                             path=dotted(path), message=message))


def _to_python(node: yaml.Node, path: Path, depth: int, marks: dict, key_marks: dict, budget: list[int], file: str):
    if depth > MAX_DEPTH:
        raise _problem(file, node, path, f"nested deeper than {MAX_DEPTH} levels; an override file is flat")
    budget[0] -= 1
    if budget[0] < 0:
        raise _problem(file, node, path, f"expands to more than {MAX_NODES} values (aliases?); "
                                         "write the values out instead of using anchors and aliases")
    if node.tag not in _PLAIN_TAGS:
        raise _problem(file, node, path, f"the tag {node.tag!r} is not allowed; only plain YAML values are")
    marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            key = _to_python(key_node, path, depth + 1, {}, {}, budget, file)
            if not isinstance(key, (str, int)):
                raise _problem(file, key_node, path, "keys must be plain words")
            if key in result:
                raise _problem(file, key_node, path + (key,), f"the key {key!r} appears twice; keep one")
            key_marks[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = _to_python(value_node, path + (key,), depth + 1, marks, key_marks, budget, file)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(item, path + (n,), depth + 1, marks, key_marks, budget, file)
                for n, item in enumerate(node.value)]
    return _SCALARS.yaml_constructors[node.tag](_SCALARS, node)


_SCALARS = yaml.constructor.SafeConstructor()
