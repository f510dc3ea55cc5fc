"""The documents a newcomer reads stay true to the code.

The environment variables table in docs/operations.md names exactly the
variables that the settings, the gunicorn settings and deploy/serve.py read;
README.md stays short, opens with the two commands and says why each pinned
package is there; every relative link in README.md and docs/ leads to a file
(and heading) that exists, as does every file they name and every folder of
the layout map; and no document points at the tracker by number, which tells
a reader nothing.
"""

import ast
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
OPERATIONS = ROOT / "docs" / "operations.md"
DOCUMENTS = [README, *sorted((ROOT / "docs").glob("*.md"))]
READ_THE_ENVIRONMENT = ["omsportal/settings.py", "omsportal/gunicorn.py", "deploy/serve.py"]
# Libraries the settings call that read a variable themselves: (module, function) -> (keyword, its default).
LIBRARY_READS = {("dj_database_url", "config"): ("env", "DATABASE_URL")}


def _is_environment(node):
    """os.environ, or the copy of it that deploy/serve.py hands from function to function as `env`."""
    if isinstance(node, ast.Attribute):
        return node.attr == "environ" and isinstance(node.value, ast.Name) and node.value.id == "os"
    return isinstance(node, ast.Name) and node.id == "env"


def _key_read(node):
    """The key of an environment read (os.environ.get, os.environ[...], os.getenv, env.get, env[...]), else None."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args:
        function = node.func
        if function.attr == "get" and _is_environment(function.value):
            return node.args[0]
        if function.attr == "getenv" and isinstance(function.value, ast.Name) and function.value.id == "os":
            return node.args[0]
    if isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load) and _is_environment(node.value):
        return node.slice
    return None


def environment_reads(source):
    """(names, unnamed): the variables a module reads, and the lines of reads whose name is not written out.

    A function that reads the variable named by one of its parameters (settings' env_bool, env_list, ...)
    is a helper: each call to it reads the variable its argument names.
    """
    tree = ast.parse(source)
    helpers = {}  # helper's name -> (index, name) of the parameter it reads
    helper_keys = set()  # the reads inside helpers, which name no variable themselves
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef):
            parameters = [argument.arg for argument in function.args.args]
            for node in ast.walk(function):
                key = _key_read(node)
                if isinstance(key, ast.Name) and key.id in parameters:
                    helpers[function.name] = (parameters.index(key.id), key.id)
                    helper_keys.add(key)
    names, unnamed = set(), []

    def named(key, line):
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            names.add(key.value)
        else:
            unnamed.append(line)

    for node in ast.walk(tree):
        key = _key_read(node)
        if key is not None and key not in helper_keys:
            named(key, node.lineno)
        function = getattr(node, "func", None)
        if isinstance(function, ast.Attribute) and isinstance(function.value, ast.Name):
            library = LIBRARY_READS.get((function.value.id, function.attr))
            if library:
                parameter, default = library
                given = {keyword.arg: keyword.value for keyword in node.keywords}
                named(given.get(parameter, ast.Constant(default)), node.lineno)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in helpers:
            index, parameter = helpers[node.func.id]
            given = {keyword.arg: keyword.value for keyword in node.keywords}
            named(node.args[index] if index < len(node.args) else given.get(parameter), node.lineno)
    return names, unnamed


def code_variables():
    names, unnamed = set(), []
    for path in READ_THE_ENVIRONMENT:
        found, lines = environment_reads((ROOT / path).read_text())
        names |= found
        unnamed += [f"{path}:{line}" for line in lines]
    return names, unnamed


def section(text, heading):
    """The text under a '## heading', up to the next heading of that level."""
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert match, f"no '## {heading}' section"
    return match.group(1)


def table_variables():
    """The variable names in the first column of the operations guide's table."""
    rows = [
        line for line in section(OPERATIONS.read_text(), "Environment variables").splitlines() if line.startswith("|")
    ]
    assert rows[0].startswith("| variable |"), "the table's first column is the variable"
    names = set()
    for row in rows[2:]:  # after the header and its | --- | line
        first = row.split("|")[1]
        found = re.findall(r"`([A-Z][A-Z0-9_]*)`", first)
        assert found, f"a row that names no variable: {row}"
        names.update(found)
    return names


def test_the_reader_finds_every_way_code_reads_the_environment():
    source = """
import os
import dj_database_url
DATABASES = {"default": dj_database_url.config(default="sqlite://")}
def env_bool(name, default=False):
    return os.environ.get(name) == "true"
def env_int(name, default=0):
    return int(os.environ.get(name, default))
def serve(env):
    return env.get("FROM_A_COPY"), env["INDEXED_COPY"]
A = os.environ.get("GOT")
B = os.environ["INDEXED"]
C = os.getenv("GETENV")
D = env_bool("A_FLAG")
E = env_int(name="A_NUMBER")
F = os.environ.get(f"MADE_{A}")
"""
    names, unnamed = environment_reads(source)
    assert names == {"DATABASE_URL", "FROM_A_COPY", "INDEXED_COPY", "GOT", "INDEXED", "GETENV", "A_FLAG", "A_NUMBER"}
    assert unnamed == [16]


def test_every_environment_read_names_its_variable():
    # A name built at run time could not be checked against the table.
    assert code_variables()[1] == []


def test_every_variable_the_code_reads_is_in_the_operations_table():
    code, table = code_variables()[0], table_variables()
    assert {"DJANGO_SECRET_KEY", "GUNICORN_WORKERS", "NGINX_LISTEN"} <= code  # one from each file
    assert sorted(code - table) == [], "add these to docs/operations.md's table"


def test_every_variable_in_the_operations_table_is_read_by_the_code():
    assert sorted(table_variables() - code_variables()[0]) == [], "docs/operations.md names variables nothing reads"


def test_readme_is_short_and_opens_with_the_two_commands():
    lines = README.read_text().splitlines()
    assert len(lines) < 150
    assert lines[0].startswith("# ")
    opening = [line for line in lines[1:] if line.strip()][:4]
    assert opening[0] == "```sh"
    assert [line.split("#")[0].strip() for line in opening[1:3]] == ["make run", "make test"]
    assert opening[3] == "```"
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^run:", makefile, re.M) and re.search(r"^test:", makefile, re.M)


def test_readme_says_why_each_dependency_is_there():
    listed = section(README.read_text(), "Dependencies and why").lower()
    pinned = [
        re.split(r"[\[=<>~ ]", line)[0]
        for path in ["requirements.txt", "requirements-dev.txt"]
        for line in (ROOT / path).read_text().splitlines()
        if line.strip() and not line.startswith(("#", "-r"))
    ]
    pinned += json.loads((ROOT / "package.json").read_text())["devDependencies"]
    assert [name for name in pinned if name.lower() not in listed] == []


def _without_code_blocks(text):
    return re.sub(r"^```.*?^```", "", text, flags=re.M | re.S)


def _without_code(text):
    return re.sub(r"`[^`\n]*`", "", _without_code_blocks(text))


def _anchors(path):
    """GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered."""
    seen, anchors = {}, set()
    for heading in re.findall(r"^#+ (.+)$", _without_code_blocks(path.read_text()), re.M):
        slug = re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        anchors.add(f"{slug}-{seen[slug]}" if slug in seen else slug)
        seen[slug] = seen.get(slug, 0) + 1
    return anchors


def test_every_relative_link_in_readme_and_docs_leads_somewhere():
    broken = []
    for document in DOCUMENTS:
        for target in re.findall(r"\[[^\]]*\]\(([^)\s]+)\)", _without_code(document.read_text())):
            if re.match(r"[a-z][a-z0-9+.-]*:", target):  # https:, mailto:
                continue
            file, _, anchor = target.partition("#")
            linked = (document.parent / file).resolve() if file else document
            if not linked.exists():
                broken.append(f"{document.name}: {target}")
            elif anchor and linked.suffix == ".md" and anchor not in _anchors(linked):
                broken.append(f"{document.name}: {target} (no such heading)")
    assert broken == []


def test_every_file_and_folder_the_docs_name_exists():
    # A path written in code style (`condition/drafts.py`) or a folder in the architecture's layout map.
    path = r"(?<![\w/.-])((?:[\w.-]+/)+[\w.-]+\.(?:py|md|toml|conf|sh|html|css|js|txt|json|po))\b"
    named = {
        (document.name, found)
        for document in DOCUMENTS
        for code in re.findall(r"`([^`\n]+)`", document.read_text())
        for found in re.findall(path, code)
        if not found.startswith("../")  # the shared brief, beside the repository
    }
    layout = section((ROOT / "docs" / "architecture.md").read_text(), "Layout")
    named |= {("architecture.md", folder) for folder in re.findall(r"^([\w.]+(?:/[\w.]+)*/) ", layout, re.M)}
    assert len(named) > 40
    assert sorted(f"{document}: {found}" for document, found in named if not (ROOT / found).exists()) == []


def test_no_document_refers_to_the_tracker_by_number():
    mentions = [
        f"{document.name}: {match.group(0)}"
        for document in DOCUMENTS
        for match in re.finditer(r"\bissues?\s+\d+|(?<![\w&])#\d+\b", document.read_text(), re.I)
    ]
    assert mentions == []
