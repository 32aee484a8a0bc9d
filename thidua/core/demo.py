"""Stages of the demo federation (`manage.py load_demo`). The org app builds the tree, members
and users; higher apps register their stages (campaigns, initiatives, reports…) in
`AppConfig.ready`, so the command never imports them. Each stage must be deterministic and safe
to rerun."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class DemoStage:
    name: str
    run: Callable  # (log: Callable[[str], None]) -> None
    order: int = 100


_STAGES: dict[str, DemoStage] = {}


def register_stage(stage: DemoStage) -> None:
    _STAGES[stage.name] = stage


def run_stages(log: Callable[[str], None]) -> None:
    for stage in sorted(_STAGES.values(), key=lambda s: s.order):
        log(f"… {stage.name}")
        stage.run(log)
