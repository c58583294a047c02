"""The home page's jobs (content/home.yml): what a reader comes to do, and where each is done."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import Problem
from .identity import ICON_DIR
from .yamlfile import YamlDoc


@dataclass(frozen=True)
class TaskLink:
    page: str  # page id, e.g. "moede/puls"
    label: dict
    if_page_exists: bool = False  # a page still being written: linked once it is in the site
    line: int | None = None  # in content/home.yml, for messages


@dataclass(frozen=True)
class Task:
    id: str  # the section id on the home page
    icon: str
    title: dict
    gives: dict
    links: tuple[TaskLink, ...]
    file: str = "content/home.yml"


def tasks_from(doc: YamlDoc, icons: dict, problems: list[Problem]) -> list[Task]:
    """The jobs of a schema-valid content/home.yml; an unknown icon or a repeated id is a problem."""
    tasks, seen = [], set()
    for i, t in enumerate(doc.data["tasks"]):
        if t["id"] in seen:
            problems.append(Problem(doc.path, f"duplicate id '{t['id']}'; each job is a section of the home page "
                                    "with its own address", line=doc.line_of(("tasks", i, "id")),
                                    field=f"tasks[{i}].id", guide="duplicate-id"))
        seen.add(t["id"])
        if t["icon"] not in icons:
            problems.append(Problem(doc.path, f"no icon '{t['icon']}' in content/{ICON_DIR}/; use one of "
                                    f"{', '.join(sorted(icons))} or draw content/{ICON_DIR}/{t['icon']}.svg",
                                    line=doc.line_of(("tasks", i, "icon")), field=f"tasks[{i}].icon",
                                    guide="theme-icon"))
        links = tuple(TaskLink(link["page"], link["label"], bool(link.get("if_page_exists")),
                               doc.line_of(("tasks", i, "links", j, "page")))
                      for j, link in enumerate(t["links"]))
        tasks.append(Task(t["id"], t["icon"], t["title"], t["gives"], links, doc.path))
    return tasks


def shown_links(task: Task, pages: set[str]) -> list[TaskLink]:
    """The task's links to pages the site has; a page still to come is left out until it exists."""
    return [link for link in task.links if link.page in pages]


def link_problems(tasks: list[Task], pages: set[str]) -> list[Problem]:
    """A link to a page the site does not have, unless it is marked as still to come."""
    problems = []
    for i, task in enumerate(tasks):
        for j, link in enumerate(task.links):
            if link.page not in pages and not link.if_page_exists:
                problems.append(Problem(task.file, f"'{link.page}' is no page of the site; use a page id (its path "
                                        "under docs/ without language and .md, e.g. moede/puls), or add "
                                        "'if_page_exists: true' for a page still being written",
                                        line=link.line, field=f"tasks[{i}].links[{j}].page", guide="unknown-id"))
    return problems
