"""Under the agenda: the planned and projected end of the day, and how far
behind or ahead it runs (`-behind` from a minute late)."""

from __future__ import annotations

from facilitator.clock import Schedule, format_duration

from .steady_static import SteadyStatic


class ScheduleLine(SteadyStatic):
    def show(self, plan: Schedule) -> None:
        planned = f"Planned end {plan.planned_end.astimezone():%H:%M}" if plan.planned_end else "No start time set"
        if plan.from_actual_start:
            planned += " (from the actual start)"
        if plan.behind_seconds is None:
            self.update(f"{planned} · ctrl+t starts the clock")
            self.remove_class("-behind")
            return
        late = plan.behind_seconds
        state = ("on time" if abs(late) < 60 else
                 f"{format_duration(late)} behind" if late > 0 else f"{format_duration(-late)} ahead")
        self.update(f"{planned} · projected {plan.projected_end.astimezone():%H:%M} · {state}")
        self.set_class(late >= 60, "-behind")
