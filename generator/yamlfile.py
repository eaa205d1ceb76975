"""Plain YAML with line numbers, and nothing else.

Editors' files are parsed to a node tree (PyYAML's safe composer), checked,
and only then turned into Python values: tags that would construct objects
are refused, as are alias bombs, absurd nesting, documents over MAX_CHARS and
texts over MAX_STRING_CHARS. Every value keeps the line and column it came from,
so errors can point at it. The same reader reads articles' front matter.

Problems a file can go on from (a refused tag, a repeated key) are collected
in `Document.problems` so that all of them are reported at once; a syntax
error, an alias bomb or absurd nesting stop reading (`YamlError`).
"""
from __future__ import annotations

from dataclasses import dataclass

import yaml

MAX_DEPTH = 20
MAX_NODES = 10_000  # after expanding aliases; a briefing override needs a few hundred at most
# A briefing override is a few KB, front matter a few lines; PyYAML reads about 200 KB a
# second here, so this bounds reading one file to about half a second.
MAX_CHARS = 100_000
MAX_STRING_CHARS = 2_000  # one title, line or note: a long paragraph is about 1,000 characters

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


class _TooDeep(yaml.MarkedYAMLError):
    pass


# PyYAML's composer recurses (three Python calls a level), so a thousand nested '[' end in a
# RecursionError: it stops here. Up to this depth, _Reader says where MAX_DEPTH was passed.
_COMPOSE_DEPTH = 100


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader, composing no deeper than _COMPOSE_DEPTH."""

    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):
        self._depth += 1
        try:
            if self._depth > _COMPOSE_DEPTH:
                raise _TooDeep(problem=f"nested deeper than {MAX_DEPTH} levels",
                               problem_mark=self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def load(text: str, file: str, *, first_line: int = 1, what: str = "an override file") -> Document:
    """The document in text, as plain values with their positions.

    first_line: the file's line number of text's first line (front matter starts on line 2).
    what: what the document is, for messages ("an override file is flat")."""
    if len(text) > MAX_CHARS:
        raise YamlError(Problem(file=file, line=first_line, column=1, path="",
                                message=f"is {len(text):,} characters long, more than the {MAX_CHARS:,} "
                                        f"{what} may have; keep it short"))
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.reader.ReaderError as err:  # a character YAML does not allow, such as NUL or ESC
        line = text.count("\n", 0, err.position) + first_line
        column = err.position - (text.rfind("\n", 0, err.position) + 1) + 1
        raise YamlError(Problem(file=file, line=line, column=column, path="",
                                message=f"the control character U+{err.character:04X} is not allowed in YAML; "
                                        "remove it (save the file as plain text)")) from None
    except _TooDeep as err:
        mark = err.problem_mark
        raise YamlError(Problem(file=file, line=mark.line + first_line, column=mark.column + 1, path="",
                                message=f"nested deeper than {MAX_DEPTH} levels; {what} is flat")) from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        line, col = (mark.line + first_line, mark.column + 1) if mark else (first_line, 1)
        reason = " ".join(str(getattr(err, "problem", None) or err).split())
        raise YamlError(Problem(file=file, line=line, column=col, path="",
                                message=f"YAML syntax error: {reason}; fix the file's indentation or quoting")) from None
    if node is None:
        return Document(data={}, marks={}, key_marks={})
    reader = _Reader(file, first_line, what)
    data = reader.value(node, (), 0)
    return Document(data=data, marks=reader.marks, key_marks=reader.key_marks, problems=tuple(reader.problems))


class _Reader:
    """Turns a node tree into plain values, recording positions and collecting problems."""

    def __init__(self, file: str, first_line: int, what: str):
        self.file = file
        self.first_line = first_line
        self.what = what
        self.marks: dict[Path, tuple[int, int]] = {}
        self.key_marks: dict[Path, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self.budget = MAX_NODES

    def _position(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + self.first_line, node.start_mark.column + 1

    def _problem(self, node: yaml.Node, path: Path, message: str) -> Problem:
        line, column = self._position(node)
        return Problem(file=self.file, line=line, column=column, path=dotted(path), message=message)

    def _refuse(self, node: yaml.Node, path: Path, message: str) -> _Refused:
        self.problems.append(self._problem(node, path, message))
        return REFUSED

    def value(self, node: yaml.Node, path: Path, depth: int):
        if depth > MAX_DEPTH:
            raise YamlError(self._problem(node, path, f"nested deeper than {MAX_DEPTH} levels; {self.what} is flat"))
        self.budget -= 1
        if self.budget < 0:
            raise YamlError(self._problem(node, path, f"expands to more than {MAX_NODES} values (aliases?); "
                                                      "write the values out instead of using anchors and aliases"))
        self.marks[path] = self._position(node)
        if node.tag not in _PLAIN_TAGS:
            return self._refuse(node, path, f"the tag {node.tag!r} is not allowed; only plain YAML values are "
                                            "(remove the '!…' and write the value as text)")
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, path + (n,), depth + 1) for n, item in enumerate(node.value)]
        if len(node.value) > MAX_STRING_CHARS:
            return self._refuse(node, path, f"is {len(node.value):,} characters long, more than the "
                                            f"{MAX_STRING_CHARS:,} a value may have; shorten it")
        if node.tag in _AS_TEXT:
            return node.value
        # (The length limit keeps integers under the 4,300 digits Python converts from text.)
        return _SCALARS.yaml_constructors[node.tag](_SCALARS, node)

    def _mapping(self, node: yaml.MappingNode, path: Path, depth: int) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _PLAIN_TAGS:
                self._refuse(key_node, path, "a key must be a plain word or name; write it as text")
                continue
            key = key_node.value  # keys are names as written: "2026" and "yes" stay text
            if len(key) > MAX_STRING_CHARS:
                self._refuse(key_node, path, f"a key of {len(key):,} characters; a key is a name or a code")
                continue
            if key in result:
                self._refuse(key_node, path + (key,), f"the key {key!r} appears twice; keep one")
                continue
            self.key_marks[path + (key,)] = self._position(key_node)
            result[key] = self.value(value_node, path + (key,), depth + 1)
        return result


_SCALARS = yaml.constructor.SafeConstructor()
