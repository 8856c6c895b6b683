"""Rule-based Dutch feedback on questions, goals and conversation elements.

Pure Python: no ipywidgets, no network, no models. Every function accepts any text and
never raises. The rules are explained for trainers in ``docs/feedback.md``.

>>> analyse_question("Wanneer lukt het wel?").lens
'groen'
>>> detect_elements("Dat lijkt me lastig.")
['erkennen']
"""

from workbook.feedback.elements import ElementJudgement, detect_elements, explain_elements, judge_elements
from workbook.feedback.goals import GoalCheck, check_goal
from workbook.feedback.questions import QuestionAnalysis, analyse_question

__all__ = [
    "analyse_question",
    "check_goal",
    "detect_elements",
    "explain_elements",
    "judge_elements",
    "ElementJudgement",
    "QuestionAnalysis",
    "GoalCheck",
]
