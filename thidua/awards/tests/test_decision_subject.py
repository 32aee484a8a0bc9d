"""The decision's subject as the seeds and real decisions write it (QA walk, session 6: the demo's
read "… xuất sắc trong Đợt thi đua cao điểm …", and a plan without a movement name "… trong Phát
động đợt thi đua …"): lower case after "trong", the plan's verb dropped, a movement in quotes."""

import pytest

from thidua.awards.services import default_title
from thidua.campaigns.models import Campaign

HEAD = "Về việc khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong "


@pytest.mark.parametrize(
    ("title", "movement", "subject"),
    [
        (
            "Phát động đợt thi đua cao điểm trong CNVCLĐ chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên.",
            "Đợt thi đua cao điểm chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên",
            "đợt thi đua cao điểm chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên",
        ),
        (
            "Phát động đợt thi đua cao điểm trong CNVCLĐ chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên.",
            "",
            "đợt thi đua cao điểm trong CNVCLĐ chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên",
        ),
        (
            "Kế hoạch tổ chức phong trào thi đua năm 2024",
            "Lao động giỏi, Lao động sáng tạo",
            "phong trào thi đua “Lao động giỏi, Lao động sáng tạo”",
        ),
        ("Kế hoạch CNVCLĐ thi đua lao động giỏi năm 2024", "", "CNVCLĐ thi đua lao động giỏi năm 2024"),
    ],
)
def test_the_subject_is_lower_case_after_trong_and_drops_the_plans_verb(title, movement, subject):
    assert default_title(Campaign(title=title, movement_name=movement)) == HEAD + subject
