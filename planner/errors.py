"""Error types that the CLI turns into one line and an exit status (spec/plan.md).

Internal bugs are *not* these: they keep their traceback.
"""


class PlannerError(Exception):
    """A refusal the user can act on; shown as one line, never a traceback."""

    exit_status = 2

    def one_line(self) -> str:
        return " ".join(str(self).split())

    def lines(self) -> list[str]:
        """What the command line prints, one problem a line."""
        return [self.one_line()]


class InputError(PlannerError):
    """Bad input: names the file, the key (and line where known) and what is wrong."""

    exit_status = 2

    def __init__(self, message: str, *, file: str | None = None, key: str | None = None,
                 line: int | None = None):
        self.file, self.key, self.line, self.message = file, key, line, message
        where = ""
        if file:
            where = f"{file}:{line}: " if line else f"{file}: "
        if key:
            where += f"{key}: "
        super().__init__(where + message)


class InputErrors(InputError):
    """Every problem found in one file at once, each its own line (`file:line: key: what`).

    The first problem's file, key and line stand for the whole, so code that
    expects one InputError still finds them.
    """

    def __init__(self, problems: list[InputError]):
        self.problems = problems
        first = problems[0]
        super().__init__(first.message, file=first.file, key=first.key, line=first.line)

    def one_line(self) -> str:
        first = self.problems[0].one_line()
        more = len(self.problems) - 1
        return first + (f" (and {more} more problem{'s' if more > 1 else ''}: `planner validate` lists them)"
                        if more else "")

    def lines(self) -> list[str]:
        return [problem.one_line() for problem in self.problems]


class SafetyRefusal(PlannerError):
    """Red flags present: no plan, seek medical attention (exit 3)."""

    exit_status = 3


class Infeasible(PlannerError):
    """No plan can satisfy the hard rules for this profile (exit 4)."""

    exit_status = 4

    def __init__(self, reasons: list[str]):
        self.reasons = reasons
        super().__init__("no plan can satisfy the rules: " + "; ".join(reasons))


class OutputError(InputError):
    """The output could not be written (exit 5): disk full, permission denied, not a
    regular file, or one of the run's own inputs. Nothing partial is left behind."""

    exit_status = 5


class SolverTimeOut(PlannerError):
    """The solver ran out of time before finding a plan or proving there is none (exit 4).

    Not "no plan can satisfy": the message says it is a time-out and what to relax.
    """

    exit_status = 4


class InternalError(PlannerError):
    """A bug: shown as one line (PLANNER_DEBUG=1 shows the traceback), exit 70 (EX_SOFTWARE)."""

    exit_status = 70


class ViolationsFound(PlannerError):
    """`planner check` found rule violations (exit 1)."""

    exit_status = 1


class KeyedError(ValueError):
    """A model-level validation error that knows which key it is about.

    Raised inside pydantic validators that check several keys together, so the
    one-line message can still name the key (relative to the model validated).
    """

    def __init__(self, key: str, message: str):
        self.key = key
        super().__init__(message)
