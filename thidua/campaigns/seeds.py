"""The five seed plans (copies in thidua/planimport/tests/seeds/) as structured campaigns, and `enter_seed`, which
types one of them in through the services as an officer would, then issues it.

The wording is copied from the printed plans, typos included ("phần đấu", "LĐLD", "Long BIên"):
these are real documents and the demo and the rendering tests show them as their issuers
signed them. Only the conversion's artefacts are undone: Markdown emphasis markers are dropped
and paragraphs cut by a page break are joined again.

Section headings carry no Roman numeral: the renderer numbers sections in order, so seed 000's
second "III." (a typo of the original, after "IV. KHEN THƯỞNG") comes out as "V.".
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction

from thidua.campaigns import services
from thidua.campaigns.models import Campaign, CampaignKind, Procedure, SectionPart, TargetMode
from thidua.documents.models import DocType, RegisterCounter, RegisterEntry
from thidua.org.models import Unit

D = datetime.date


def text(*lines: str) -> str:
    """A body as the officer types it: one paragraph, bullet ("- ") or sub-heading per line."""
    return "\n".join(lines)


@dataclass(frozen=True)
class Reference:
    relation: str
    doc_kind: str
    number: str
    issued_on: datetime.date | None
    issuer: str
    title: str


@dataclass(frozen=True)
class Section:
    part: str
    heading: str
    body: str


@dataclass(frozen=True)
class SeedDeadline:
    what: str
    due_on: datetime.date
    who: str = "Công đoàn cơ sở"
    how: str = ""


@dataclass(frozen=True)
class SeedPlan:
    key: str  # the seed file's number: "000" … "004"
    issuer_code: str  # the demo federation's unit code
    issuer_name: str
    kind: str
    # The printed number; None where the plan shows none (seed 004), which then takes the
    # next free number of its issuer's register.
    number: int | None
    plan_date: datetime.date
    place: str
    title: str
    movement_name: str
    intro: str
    sections: tuple[Section, ...]
    closing: str
    recipients: str
    signer_title: str
    signer_name: str
    target_mode: str
    starts_on: datetime.date | None = None
    ends_on: datetime.date | None = None
    end_condition: str = ""
    references: tuple[Reference, ...] = ()
    activities: tuple[str, ...] = ()
    deadlines: tuple[SeedDeadline, ...] = ()
    reward: dict[str, object] = field(default_factory=dict)
    responsibilities: tuple[tuple[str, str], ...] = ()


# --------------------------------------------------------------------------- seed 000
# Kế hoạch 32/KH-LĐLĐ of LĐLĐ quận Long Biên, 21/8/2023: a peak campaign for the district's
# 20th anniversary. (The printed symbol reads "KH-LDLĐ", a typo for the register's "KH-LĐLĐ".)

_LB_20_YEARS_ACTIVITIES = (
    "Tổ chức tuyên truyền các thành tựu của Đảng bộ và nhân dân quận Long Biên nói chung, của CNVCLD trên địa bàn Quận nói riêng trong 20 năm xây dựng và phát triển.",
    "Phối hợp tổ chức và chỉ đạo công đoàn cơ sở trang trí trực quan chào mừng kỷ niệm 20 năm thành lập quận Long Biên.",
    "Triển khai Cuộc thi tìm hiểu 20 năm hình thành, phát triển Quận Long Biên và Liên đoàn Lao động quận Long Biên.",
    "Tổ chức gặp mặt cán bộ BCH, UBKT LDLD Quận khóa V.",
    "Tổ chức Tọa đàm “Nâng cao chất lượng hoạt động Ban Chấp hành Công đoàn cơ sở”.",
    "Phối hợp với UBND, BHXH quận tổ chức Hội nghị đối thoại pháp luật lao động, công đoàn, BHXH giữa chủ doanh nghiệp và người lao động",
    "Phối hợp với Đảng ủy khối doanh nghiệp tặng thẻ Bảo hiểm Y tế cho thân nhân đoàn viên công đoàn có hoàn cảnh khó khăn.",
    "Tổ chức khánh thành Góc truyền thống và phòng làm việc Liên đoàn Lao động quận Long Biên.",
    "Tổ chức đánh giá, tổng kết, biểu dương khen thưởng tập thể, cá nhân trong đợt thi đua cao điểm chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên.",
)
_LB_20_YEARS_DISTRICT_TASKS = text(
    "- Xây dựng và triển khai kế hoạch tới các cơ quan, đơn vị, doanh nghiệp, trường học có tổ chức Công đoàn trên địa bàn Quận.",
    "- Hướng dẫn công đoàn cơ sở triển khai thực hiện kế hoạch. Tổng hợp kết quả, tổ chức đánh giá, biểu dương khen thưởng và đề nghị khen thưởng các tập thể, cá nhân có thành tích xuất sắc, nhân rộng các điển hình tiên tiến trong đợt thi đua cao điểm đề nghị các cấp khen thưởng .",
    "- Tổ chức các hoạt động chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên theo kế hoạch.",
)
_LB_20_YEARS_CDCS_TASKS = text(
    "- Căn cứ kế hoạch của LĐLD Quận Long Biên, Công đoàn cơ sở chủ động xây dựng kế hoạch báo cáo cấp ủy Đảng, phối hợp với chính quyền cùng cấp chỉ đạo và tổ chức phát động đợt thi đua đến 100% CNVCLĐ của đơn vị, phù hợp với tình hình thực tế của đơn vị.",
    "- Đẩy nhanh tiến độ hoàn thành các công trình, phần việc chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên chậm nhất trước ngày 15/9/2023.",
    "- Đề xuất các tập thể, cá nhân điển hình tiên tiến có hành động, việc làm cụ thể, thiết thực, hiệu quả trong đợt thi đua cao điểm lập thành tích chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên theo tiêu chí và được LĐLĐ Quận xét chọn.",
)
_LB_20_YEARS_COLLECTIVE = (
    "Tổ chức tốt đợt thi đua cao điểm chào mừng kỷ niệm 20 năm thành lập quận Long Biên với nhiều nét mới, cách làm sáng tạo đạt kết quả thiết thực, thu hút được sự tham gia tích cực, đồng đảo CNVCLĐ.",
    "Có công trình, phần việc và tổ chức lễ khánh thành, viết tin bài đăng tải trên các trang thông tin.",
    "Hoàn thành tốt các nhiệm vụ của đơn vị đảm bảo về tiến độ và chất lượng.",
    "100% cá nhân thuộc tập thể thực hiện nghiêm túc những quy định của 2 bộ quy tắc ứng xử (theo Quyết định số 522/QĐ-UBND và Quyết định số 1665/QĐ-UBND ngày 10/3/2017 của UBND Thành phố).",
)
_LB_20_YEARS_INDIVIDUAL = (
    "Hoàn thành tốt nhiệm vụ được giao, gương mẫu, đi đầu trong lao động, sản xuất; tích cực tham gia hưởng ứng đợt thi đua cao điểm tại địa phương, đơn vị;",
    "Là tấm gương tiêu biểu, có hành động và việc làm cụ thể thiết thực, sáng kiến, hiệu quả trong lao động, sản xuất góp phần tháo gỡ khó khăn, duy trì việc làm, ổn định đời sống, thu nhập cho Người lao động. Gương mẫu đi đầu trong thực hiện các nội dung đợt thi đua cao điểm đạt hiệu quả, được tập thể đánh giá, ghi nhận.",
)

SEED_000 = SeedPlan(
    key="000",
    issuer_code="HN-LB",
    issuer_name="LĐLĐ quận Long Biên",
    kind=CampaignKind.PEAK,
    number=32,
    plan_date=D(2023, 8, 21),
    place="Long Biên",
    title="Phát động đợt thi đua cao điểm trong CNVCLĐ phần đấu lập thành tích chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên (06/11/2003 – 06/11/2023).",
    movement_name="Đợt thi đua cao điểm chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên",
    intro="Thực hiện kế hoạch số 107-KH/QU ngày 24/02/2022 của Quận ủy Long Biên về tổ chức các hoạt động hướng tới kỷ niệm 20 năm ngày thành lập quận Long Biên (06/11/2003 – 06/11/2023); kế hoạch số 338/KH-UBND ngày 09/8/2023 của UBND quận Long Biên về phát động đợt thi đua cao điểm, phần đấu lập thành tích chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên (06/11/2003 – 06/11/2023); Ban thường vụ LĐLĐ Quận xây dựng kế hoạch phát động đợt thi đua cao điểm trong CNVCLĐ phần đấu lập thành tích Chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên như sau:",
    references=(
        Reference(
            "Thực hiện",
            "Kế hoạch",
            "107-KH/QU",
            D(2022, 2, 24),
            "Quận ủy Long Biên",
            "tổ chức các hoạt động hướng tới kỷ niệm 20 năm ngày thành lập quận Long Biên (06/11/2003 – 06/11/2023)",
        ),
        Reference(
            "Thực hiện",
            "Kế hoạch",
            "338/KH-UBND",
            D(2023, 8, 9),
            "UBND quận Long Biên",
            "phát động đợt thi đua cao điểm, phần đấu lập thành tích chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên (06/11/2003 – 06/11/2023)",
        ),
    ),
    sections=(
        Section(
            SectionPart.PURPOSE,
            "MỤC ĐÍCH, YÊU CẦU:",
            text(
                "1. Thông qua các phong trào thi đua nhằm huy động sức mạnh tổng hợp, cỗ vũ, động viên CNVCLĐ quận Long Biên hăng hái thi đua trong lao động, sản xuất, hoàn thành thắng lợi các nhiệm vụ, chỉ tiêu kinh tế - xã hội, đảm bảo quốc phòng - an ninh, lập thành tích thiết thực chào mừng kỷ niệm 20 năm ngày thành lập quận (06/11/2003 - 06/11/2023); đồng thời tuyên truyền quảng bá hình ảnh, văn hóa, tiềm năng của quận nhằm thu hút sự quan tâm đầu tư nguồn lực của các doanh nghiệp để thúc đẩy sự phát triển kinh tế của quận; xây dựng quận Long Biên ngày càng giàu đẹp, hiện đại, thanh lịch, văn minh, kỷ cương, phát triển bền vững.",
                "2. Đợt thi đua cao điểm nhằm phát hiện, suy tôn những tập thể, cá nhân điển hình, có thành tích tiêu biểu xuất sắc trong các hoạt động để tuyên truyền, nhân rộng, tạo đà thi đua hoàn thành xuất sắc các chỉ tiêu, nhiệm vụ trọng tâm năm 2023.",
                "3. 100% các cơ quan, đơn vị, doanh nghiệp, trường học tổ chức tốt các phong trào thi đua, đảm bảo thiết thực, hiệu quả, phù hợp với tình hình thực tế của cơ quan, đơn vị tạo không khí vui tươi, phấn khởi quyết tâm thực hiện thắng lợi các nhiệm vụ trọng tâm của quận, thiết thực chào mừng kỷ niệm 20 năm ngày thành lập quận (06/11/2003 - 06/11/2023).",
            ),
        ),
        Section(
            SectionPart.CONTENT,
            "NỘI DUNG THI ĐUA:",
            text(
                "Phát động đợt thi đua cao điểm phần đấu lập thành tích chào mừng kỷ niệm 20 năm Ngày thành lập Quận, tập trung hoàn thành nhiệm vụ chính trị của từng cơ quan, đơn vị, doanh nghiệp với các nội dung chủ yếu sau:",
                "1. Đối với khối doanh nghiệp.",
                "- Tiếp tục tổ chức tốt phong trào thi đua hưởng ứng chương trình “01 triệu sáng kiến - nỗ lực vượt khó, sáng tạo, quyết tâm chiến thắng đại dịch COVID-19” do Tổng Liên đoàn Lao động Việt Nam phát động.",
                "- Phát động phong trào thi đua thực hiện thắng lợi các mục tiêu, chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội và kế hoạch SXKD của doanh nghiệp năm 2023. Đồng thời phát huy vai trò chủ động, trách nhiệm của đoàn viên, người lao động cùng với doanh nghiệp thúc đẩy tăng năng suất lao động và hiệu quả công tác, phát triển bền vững, đảm bảo việc làm, thu nhập cho người lao động góp phần thực hiện tốt các nhiệm vụ SXKD của doanh nghiệp, chỉ tiêu phát triển KT-XH của quận và Thủ đô.",
                "- Phối hợp với Người sử dụng lao động duy trì tổ chức tốt các phong trào thi đua: “Sáng kiến, sáng tạo”, “Công nhân giỏi”, “Xanh, sạch, đẹp, bảo đảm an toàn vệ sinh lao động”, “Doanh nghiệp Thủ đô hội nhập và phát triển”.... Phát hiện, viết bài, giới thiệu những gương “Người tốt, việc tốt”. Vận động đoàn viên công đoàn, CNVCLĐ tích cực học tập, rèn luyện kỹ năng tay nghề, chuyên môn nghiệp vụ, phát huy sáng kiến, sáng tạo, cải tiến kỹ thuật, đẩy mạnh nghiên cứu, ứng dụng khoa học, công nghệ, nâng cao năng suất lao động; đây là những hạt nhân tích cực tham gia phong trào “Lao động giỏi, Lao động sáng tạo” và “Năng suất cao, chất lượng tốt” góp phần bảo đảm việc làm, thu nhập cho người lao động, thúc đẩy doanh nghiệp phát triển bền vững.",
                "- Tuyên truyền, vận động người sử dụng lao động chỉnh trang cổng, tường rào, mặt tiền doanh nghiệp.",
                "- Đẩy nhanh tiến độ hoàn thành và hoàn thành trước thời hạn các phần việc, công trình sản phẩm có giá trị kinh tế cao chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên.",
                "2. Đối với khu vực Hành chính, Sự nghiệp, Trường học",
                "- Phát động thi đua trong Cán bộ, công chức, viên chức, người lao động thực hiện có hiệu quả các nhiệm vụ chính trị, các chỉ tiêu phát triển kinh tế - xã hội theo Chỉ thị, Nghị quyết, Chương trình, Kế hoạch và chủ đề công tác năm 2023 của thành phố Hà Nội, của Tổng Liên đoàn và Quận Long Biên. Đồng thời đẩy mạnh các phong trào thi đua “Thực hiện văn hóa công sở và nơi công cộng”, “Hành động để có môi trường làm việc xanh- sạch- đẹp và văn minh”",
                "- Vận động Cán bộ, công chức, viên chức, người lao động trong các cơ quan, đơn vị, trường học nâng cao trình độ, chuyên môn, nghiệp vụ, sáng tạo, đổi mới quy trình làm việc, nâng cao chất lượng, hiệu quả công tác tham mưu, cải cách hành chính, gắn với chương trình chuyển đổi số quốc gia, hoàn thành các chỉ tiêu, nhiệm vụ phát triển kinh tế xã hội của Quận, Thủ đô và đất nước.",
                "- Tiếp tục đẩy mạnh học tập làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh gắn với cuộc vận động xây dựng người Cán bộ, công chức, viên chức “Trung thành, trách nhiệm, liêm chính, sáng tạo”, “Cán bộ, công chức, viên chức nói không với tiêu cực”, “Tham mưu giỏi, phục vụ tốt”. Chủ trọng nâng cao kỷ luật, kỷ cương hành chính, đạo đức công vụ, phong cách phục vụ nhân dân của Cán bộ, công chức thực hiện Bộ tiêu chí chuyên nghiệp.",
                "- Vận động đoàn viên là cán bộ, viên chức, người lao động trong các đơn vị sự nghiệp đổi mới phương thức tổ chức, hoạt động; nâng cao chất lượng nghiên cứu, đào tạo, dịch vụ, phục vụ, tích cực sáng tạo, tham mưu thực hiện tốt cơ chế tự chủ, có giải pháp thích ứng trong tình hình mới.",
                "- Tiếp tục vận động Cán bộ, công chức, viên chức, người lao động thực hiện các công trình nghiên cứu, đề tài khoa học, phát huy sáng kiến, sáng tạo trong công tác và tổ chức tốt phong trào thi đua.",
                "- Tiếp tục hưởng ứng chương trình “01 triệu sáng kiến - nỗ lực vượt khó, sáng tạo, quyết tâm chiến thắng đại dịch COVID-19” giai đoạn 2.",
                "- Thi đua đẩy mạnh các hoạt động lo đời sống thiết thực và đại diện, bảo vệ quyền, lợi ích hợp pháp, chính đáng của Cán bộ, công chức, viên chức, người lao động; thực hiện quy chế dân chủ ở cơ sở, phòng chống tham nhũng, lãng phí; đổi mới, nâng cao chất lượng hoạt động công đoàn, đẩy mạnh phát triển đoàn viên, thành lập CĐCS góp phần xây dựng giai cấp công nhân và tổ chức Công đoàn vững mạnh, tham gia xây dựng Đảng và Nhà nước trong sạch, vững mạnh.",
                "- Tuyên truyền, vận động Thủ trưởng Cơ quan, đơn vị, trường học chỉnh trang công, tường rào, mặt tiền cơ quan, đơn vị.",
                "- Đẩy nhanh tiến độ hoàn thành các công trình, phần việc chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên. Đề nghị các công đoàn cơ sở tổ chức Lễ khánh thành công trình, phần việc của đơn vị và viết tin bài đăng tải lên cổng thông tin của đơn vị, facebook của CĐCS và đồng thời gửi tư liệu bài viết, hình ảnh qua email: ldldlongbien@gmail.com hoặc zalo LDLD quận chậm nhất trước ngày 15/9/2023.",
                "3. Liên đoàn Lao động Quận.",
                *(f"- {activity}" for activity in _LB_20_YEARS_ACTIVITIES),
            ),
        ),
        Section(
            SectionPart.WINDOW,
            "THỜI GIAN THI ĐUA",
            "Để phong trào đạt hiệu quả, thiết thực chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên, các cấp Công đoàn tập trung tổ chức phát động đợt thi đua cao điểm trong CNVCLĐ, đoàn viên công đoàn từ ngày 16/8/2023 đến hết ngày 15/9/2023.",
        ),
        Section(
            SectionPart.REWARD,
            "KHEN THƯỞNG.",
            text(
                "Sau đợt thi đua, LĐLĐ quận sẽ đánh giá kết quả đợt thi đua cao điểm, lựa chọn những tập thể, cá nhân có thành tích xuất sắc khen thưởng, cụ thể:",
                "1. Đối tượng: Công đoàn cơ sở và cá nhân thuộc các đơn vị có hành động, việc làm cụ thể, thiết thực, hiệu quả trong các phong trào thi đua và các hoạt động kỷ niệm, được lựa chọn công khai, dân chủ từ cơ sở (chú trọng khen thưởng tập thể nhỏ và công nhân lao động trực tiếp).",
                "2. Tiêu chuẩn:",
                "Có xây dựng kế hoạch và tổ chức triển khai tốt các hoạt động chào mừng kỷ niệm 20 năm Ngày thành lập Quận tại đơn vị với hình thức phong phú, đa dạng, sáng tạo, hiệu quả thu hút được sự tham gia tích cực, đồng đảo của cán bộ, đoàn viên, CNVCLĐ.",
                "Tập thể: Là tập thể đoàn kết, gương mẫu, chấp hành chủ trương, chính sách của Đảng, pháp luật của Nhà nước, đạt các tiêu chuẩn sau.",
                *(f"- {c}" for c in _LB_20_YEARS_COLLECTIVE),
                "Cá nhân: Chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước, được bình chọn từ cơ sở đạt các tiêu chuẩn sau:",
                *(f"- {c}" for c in _LB_20_YEARS_INDIVIDUAL),
                "3. Số lượng, hồ sơ, thời gian đề nghị khen thưởng:",
                "a. Số lượng: (LĐLD Quận Long Biên sẽ xét chọn và phân bổ sau đợt thi đua).",
                "b. Hồ sơ gồm: Tờ trình của Công đoàn cơ sở (kèm theo tóm tắt thành tích của tập thể, cá nhân); báo cáo thành tích của tập thể và cá nhân đề nghị khen thưởng.",
                "c. Thời gian: Hồ sơ đề nghị khen thưởng gửi về LĐLD Quận Long Biên (có thông báo sau).",
            ),
        ),
        Section(
            SectionPart.ORGANISATION,
            "TỔ CHỨC THỰC HIỆN:",
            text(
                "1. Liên đoàn lao động Quận:",
                _LB_20_YEARS_DISTRICT_TASKS,
                "2. Công đoàn các Cơ quan, Đơn vị, Doanh nghiệp, Trường học:",
                _LB_20_YEARS_CDCS_TASKS,
            ),
        ),
    ),
    starts_on=D(2023, 8, 16),
    ends_on=D(2023, 9, 15),
    activities=_LB_20_YEARS_ACTIVITIES,
    deadlines=(
        SeedDeadline(
            "Hoàn thành các công trình, phần việc chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên",
            D(2023, 9, 15),
        ),
        SeedDeadline(
            "Gửi tư liệu bài viết, hình ảnh Lễ khánh thành công trình, phần việc",
            D(2023, 9, 15),
            how="email: ldldlongbien@gmail.com hoặc zalo LDLD quận",
        ),
        SeedDeadline("Báo cáo kết quả thực hiện kế hoạch về LĐLĐ Quận Long Biên", D(2023, 9, 18)),
    ),
    reward={
        "targets": "Công đoàn cơ sở và cá nhân thuộc các đơn vị có hành động, việc làm cụ thể, thiết thực, hiệu quả trong các phong trào thi đua và các hoạt động kỷ niệm, được lựa chọn công khai, dân chủ từ cơ sở (chú trọng khen thưởng tập thể nhỏ và công nhân lao động trực tiếp).",
        "general_criteria": "Có xây dựng kế hoạch và tổ chức triển khai tốt các hoạt động chào mừng kỷ niệm 20 năm Ngày thành lập Quận tại đơn vị với hình thức phong phú, đa dạng, sáng tạo, hiệu quả thu hút được sự tham gia tích cực, đồng đảo của cán bộ, đoàn viên, CNVCLĐ.",
        "collective_criteria": text(
            "Là tập thể đoàn kết, gương mẫu, chấp hành chủ trương, chính sách của Đảng, pháp luật của Nhà nước, đạt các tiêu chuẩn sau.",
            *_LB_20_YEARS_COLLECTIVE,
        ),
        "individual_criteria": text(
            "Chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước, được bình chọn từ cơ sở đạt các tiêu chuẩn sau:",
            *_LB_20_YEARS_INDIVIDUAL,
        ),
        "quota_rule": "LĐLD Quận Long Biên sẽ xét chọn và phân bổ sau đợt thi đua",
        "dossier": text(
            "Tờ trình của Công đoàn cơ sở (kèm theo tóm tắt thành tích của tập thể, cá nhân);",
            "báo cáo thành tích của tập thể và cá nhân đề nghị khen thưởng.",
        ),
        "procedure": Procedure.STANDARD,
        "nomination_due_text": "có thông báo sau",
    },
    responsibilities=(
        ("Liên đoàn lao động Quận", _LB_20_YEARS_DISTRICT_TASKS),
        ("Công đoàn các Cơ quan, Đơn vị, Doanh nghiệp, Trường học", _LB_20_YEARS_CDCS_TASKS),
    ),
    closing="Ban Thường vụ LĐLĐ quận Long Biên đề nghị Ban chấp hành công đoàn cơ sở triển khai thực hiện tốt kế hoạch, báo cáo kết quả thực hiện về LĐLĐ Quận Long Biên chậm nhất ngày 18/9/2023.",
    recipients=text(
        "Quận ủy, UBND Quận;",
        "Ban Tuyên giáo, Ban Dân vận QU;",
        "Công đoàn các CQ, ĐV, DN, TH;",
        "Lưu VP, TĐ",
    ),
    signer_title="TM. BAN THƯỜNG VỤ\nCHỦ TỊCH",
    signer_name="Nguyễn Trường Giang",
    target_mode=TargetMode.ALL_GRASSROOTS,
)

# --------------------------------------------------------------------------- seed 001
# Kế hoạch 315/KH-LĐLĐ of LĐLĐ tỉnh Lai Châu, 17/02/2022: the province's emulation of the year,
# sent to the district federations, which take it further down (next level).

SEED_001 = SeedPlan(
    key="001",
    issuer_code="LC",
    issuer_name="LĐLĐ tỉnh Lai Châu",
    kind=CampaignKind.MOVEMENT,
    number=315,
    plan_date=D(2022, 2, 17),
    place="Lai Châu",
    title="Phát động phong trào thi đua trong đoàn viên, công chức viên chức, lao động và các cấp công đoàn năm 2022",
    movement_name="",
    intro="Thực hiện Chỉ thị số 03/CT-UBND, ngày 11/02/2022 của Ủy ban nhân dân tỉnh Lai Châu Chỉ thị về việc phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm 2022; Căn cứ Chương trình, kế hoạch của Ban Thường vụ LĐLĐ tỉnh Lai Châu; Thiết thực thi đua lập thành tích chào mừng các ngày lễ lớn trong năm 2022; chào mừng 93 năm ngày thành lập Công đoàn Việt Nam (28/7/1929 – 28/7/2022), Đại hội Công đoàn các cấp; Năm thứ hai triển khai Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng, Nghị quyết 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị về “Đổi mới tổ chức và hoạt động của Công đoàn Việt Nam trong tình hình mới”; Phát huy những thành tích, kết quả hoạt động công đoàn đã đạt được năm 2021 nhằm triển khai thực hiện thắng lợi nhiệm vụ năm 2022; Ban Thường vụ LĐLĐ tỉnh Ban hành Kế hoạch phát động phong trào thi đua trong công chức, viên chức, lao động và các cấp công đoàn với những nội dung chủ yếu sau:",
    references=(
        Reference(
            "Thực hiện",
            "Chỉ thị",
            "03/CT-UBND",
            D(2022, 2, 11),
            "Ủy ban nhân dân tỉnh Lai Châu",
            "việc phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm 2022",
        ),
        Reference("Căn cứ", "Chương trình, kế hoạch", "", None, "Ban Thường vụ LĐLĐ tỉnh Lai Châu", ""),
    ),
    sections=(
        Section(
            SectionPart.PURPOSE,
            "MỤC ĐÍCH, YÊU CẦU",
            text(
                "1. Nhằm tiếp tục đổi mới và đẩy mạnh các phong trào thi đua yêu nước trong các cấp công đoàn và đoàn viên, CCVCLĐ, tạo khí thế thi đua sôi nổi với tinh thần “Chủ động, sáng tạo, trách nhiệm, hiệu quả và thiết thực” góp phần hoàn thành tốt nhiệm vụ của địa phương, đơn vị, các chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội năm 2022 của tỉnh; thiết thực lập thành tích chào mừng các ngày kỷ niệm lớn, các sự kiện chính trị quan trọng của đất nước, của tỉnh và của tổ chức Công đoàn.",
                "2. Động viên đoàn viên, công chức, viên chức, lao động, ra sức thi đua lao động giỏi, lao động sáng tạo gắn với Chương trình “01 triệu sáng kiến” do Tổng Liên đoàn phát động góp phần vào việc phấn đấu hoàn thành tốt nhất các chỉ tiêu, nhiệm vụ được giao.",
                "3. Việc tổ chức các phong trào thi đua phải thiết thực, hiệu quả; gắn với việc đại diện, chăm lo, bảo vệ quyền và lợi ích hợp pháp chính đáng của đoàn viên, người lao động; thông qua phong trào thi đua kịp thời phát hiện những tấm gương tiêu biểu, điển hình tiên tiến, gương người tốt, việc tốt trong phong trào thi đua yêu nước và hoạt động công đoàn để tuyên truyền và nhân rộng.",
            ),
        ),
        Section(
            SectionPart.CONTENT,
            "NỘI DUNG THI ĐUA",
            text(
                "1. Tổ chức các phong trào thi đua sâu rộng, nội dung thiết thực, phù hợp với từng lĩnh vực, đối tượng đoàn viên, CCVCLĐ, nhằm thực hiện tốt các mục tiêu, nhiệm vụ chính trị của từng cơ quan, đơn vị, doanh nghiệp; Nghị quyết Đại hội công đoàn các cấp, trọng tâm là phong trào thi đua “Lao động giỏi, lao động sáng tạo” gắn với các hoạt động chăm lo, bảo vệ quyền, lợi ích hợp pháp, chính đáng của đoàn viên, người lao động góp phần thực hiện tốt nhiệm vụ chính trị của cơ quan, đơn vị, doanh nghiệp và của tỉnh. Tích cực hưởng ứng tham gia Chương trình “01 triệu sáng kiến” do Tổng Liên đoàn phát động từ năm 2022 đến năm 2023, chào mừng Đại hội công đoàn các cấp tiến tới Đại hội XIII Công đoàn Việt Nam.",
                "2. Đẩy mạnh các phong trào thi đua, cuộc vận động do Tổng Liên đoàn Lao động Việt Nam, UBND tỉnh, LĐLĐ tỉnh phát động, cụ thể hóa các phong trào “Lao động giỏi, Lao động sáng tạo”, “Giỏi việc nước - Đảm việc nhà”, “Xanh - Sạch - Đẹp, Bảo đảm an toàn vệ sinh lao động”, “Công nhân, viên chức, lao động nỗ lực vượt khó, sáng tạo, quyết tâm chiến thắng đại dịch Covid-19”, “Tham mưu giỏi, phục vụ tốt”, Cuộc vận động “Cán bộ, công chức, viên chức nói không với tiêu cực”, “Đổi mới, sáng tạo, hiệu quả trong hoạt động của tổ chức Công đoàn”, “Cả nước chung sức xây dựng nông thôn mới”; “Cả nước chung tay vì người nghèo, không để ai bị bỏ lại phía sau”; “Doanh nghiệp Việt Nam hội nhập và phát triển”; “Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở” gắn với chủ đề hoạt động của năm 2022 “Chăm lo việc làm, đời sống cho người lao động; phấn đấu hoàn thành cao nhất các mục tiêu, nhiệm vụ của Nghị quyết Đại hội XII Công đoàn Việt Nam”. Các cấp công đoàn phải coi đây là nhiệm vụ trọng tâm, thực hiện từ nay đến Đại hội Công đoàn Việt Nam lần thứ XIII. Tuyên truyền, vận động thủ trưởng cơ quan, đơn vị, người sử dụng lao động tham gia, đồng hành với Chương trình bằng nguồn lực, hỗ trợ kỹ thuật, các chế độ, chính sách động viên nỗ lực có hiệu quả của đoàn viên, người lao động.",
                "- Đối với khối hành chính, sự nghiệp công lập: Tích cực tham gia có hiệu quả các phong trào thi đua, các cuộc vận động do Thủ tướng Chính phủ, UBND tỉnh, Tổng Liên đoàn phát động: “Cán bộ công chức, viên chức thi đua thực hiện văn hóa công sở”, “Cả nước chung tay vì người nghèo, không để ai bị bỏ lại phía sau”, “Lao động giỏi, lao động sáng tạo” gắn với cuộc vận động xây dựng người cán bộ, công chức, viên chức “Trung thành, trách nhiệm, liêm chính, sáng tạo”, “Cán bộ, công chức, viên chức nói không với tiêu cực. Chú trọng nâng cao kỷ luật, kỷ cương hành chính, đạo đức công vụ, phong cách phục vụ nhân dân của cán bộ, công chức, viên chức theo hướng ngày càng chuyên nghiệp, trách nhiệm, hiệu quả.",
                "- Khởi sản xuất kinh doanh và dịch vụ: Vận động CNLĐ tích cực, năng động, sáng tạo, phát huy sáng kiến, cải tiến kỹ thuật, tập trung nâng cao năng suất, chất lượng, sản phẩm, dịch vụ, thực hiện nghiêm các quy định của pháp luật về an toàn vệ sinh lao động, phòng chống cháy nổ, xây dựng tác phong công nghiệp và ý thức tuân thủ pháp luật, đẩy mạnh phong trào thi đua “Lao động giỏi, Lao động sáng tạo” với mục tiêu “Năng suất cao hơn, chất lượng tốt hơn”, phấn đấu hoàn thành và hoàn thành vượt mức các chỉ tiêu sản xuất kinh doanh của đơn vị, doanh nghiệp.",
                "- Đối với tổ chức công đoàn: Tiếp tục hưởng ứng phong trào thi đua “Đổi mới, sáng tạo trong hoạt động công đoàn”, “Đổi mới công tác thi đua, khen thưởng trong công nhân, viên chức, lao động và hoạt động công đoàn”, nhằm phát huy tính năng động, sáng tạo của đội ngũ cán bộ Công đoàn các cấp góp phần nâng cao chất lượng, hiệu quả hoạt động Công đoàn và xây dựng tổ chức Công đoàn vững mạnh.",
                "3. Tập trung thực hiện các mục tiêu, chỉ tiêu, nhiệm vụ của Nghị quyết Đại hội công đoàn các cấp. Triển khai kế hoạch tổ chức Đại hội công đoàn các cấp tiến tới Đại hội XIII Công đoàn Việt Nam, Chương trình hành động thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng, Nghị quyết 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị về “Đổi mới tổ chức và hoạt động của Công đoàn Việt Nam trong tình hình mới”.",
                "4. Các cấp công đoàn chủ động phối hợp với thủ trưởng cơ quan, đơn vị, chủ sử dụng lao động tổ chức tốt hội nghị cán bộ, công chức, viên chức, hội nghị người lao động; quan tâm chăm lo, bảo vệ quyền, lợi ích hợp pháp, chính đáng cho đoàn viên, người lao động; thực hiện có hiệu quả các chương trình Mái ấm công đoàn, Tết Sum vầy, Tháng Công nhân; kịp thời thăm hỏi, động viên giúp đỡ đoàn viên, CCVCLĐ có hoàn cảnh khó khăn, nhất là các trường hợp bị ảnh hưởng do dịch bệnh Covid-19 vươn lên hoàn thành tốt nhiệm vụ, ổn định cuộc sống.",
                "5. Các cấp công đoàn tích cực tuyên truyền, động viên đoàn viên, CCVCLĐ phát huy tính năng động, sáng tạo trong lao động sản xuất, đẩy mạnh nghiên cứu, ứng dụng sáng kiến, cải tiến kỹ thuật vào sản xuất, công tác. Chú trọng xây dựng các mô hình, điển hình, tiêu biểu; quan tâm phát hiện, bồi dưỡng, biểu dương, tôn vinh, nhân rộng kịp thời các tập thể, cá nhân điển hình tiên tiến trong các phong trào thi đua yêu nước tạo sức lan tỏa sâu rộng gương “người tốt, việc tốt” trong các cấp công đoàn, đoàn viên, CCVCLĐ.",
                "6. Tăng cường công tác giám sát, phản biện xã hội theo Quyết định 217, 218, Quy định 124 của Bộ Chính trị; Tích cực tham gia góp ý kiến xây dựng Đảng, chính quyền, hệ thống chính trị trong sạch, vững mạnh; quan tâm giới thiệu, giúp đỡ bồi dưỡng đoàn viên công đoàn ưu tú cho Đảng xem xét kết nạp; đẩy mạnh công tác phát triển đoàn viên, thành lập công đoàn cơ sở, xây dựng tổ chức Công đoàn các cấp vững mạnh; nâng cao trình độ, năng lực, ý thức, trách nhiệm của đội ngũ cán bộ công đoàn các cấp đáp ứng yêu cầu, nhiệm vụ trong tình hình mới.",
            ),
        ),
        Section(
            SectionPart.MEASURES,
            "BIỆN PHÁP TỔ CHỨC THỰC HIỆN",
            text(
                "1. Tiếp tục quán triệt sâu sắc tư tưởng của Chủ tịch Hồ Chí Minh về thi đua khen thưởng, các nội dung Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị; Luật thi đua, khen thưởng; Nghị định 91/2017/NĐ-CP ngày 31/07/2017 của Chính phủ; Đổi mới công tác thi đua, khen thưởng theo Nghị quyết số 07/NQ-TLĐ ngày 15/01/2020 của Tổng LĐLĐ Việt Nam; Chương trình số 05/CTr-BCH, ngày 14/9/2018 của Ban Chấp hành LĐLĐ tỉnh về Chương trình đẩy mạnh các Phong trào thi đua yêu nước, trọng tâm là phong trào “Lao động giỏi, Lao động sáng tạo” trong công nhân, viên chức, lao động giai đoạn 2018 – 2023 và quy chế khen thưởng của tổ chức Công đoàn để thống nhất và thực hiện. Từng bước nâng cao chất lượng công tác khen thưởng, đẩy mạnh tuyên truyền, phát hiện, bồi dưỡng, nhân rộng các điển hình tiên tiến trong lao động sản xuất thực sự là động lực quan trọng thúc đẩy nhiệm vụ chính trị, kinh tế- xã hội phát triển; tích cực tham gia xây dựng Đảng, chính quyền và tổ chức Công đoàn vững mạnh.",
                "2. Tiếp tục đẩy mạnh phong trào thi đua “Công nhân, viên chức, lao động nỗ lực vượt khó, sáng tạo, quyết tâm chiến thắng đại dịch Covid-19” do Tổng Liên đoàn phát động nhằm khẳng định vai trò, trách nhiệm của tổ chức Công đoàn các cấp đồng hành cùng Chính phủ, chính quyền địa phương, cơ quan, đơn vị, doanh nghiệp trong công tác phòng, chống đại dịch Covid-19 với tinh thần “Chống dịch như chống giặc”, thực hiện “mục tiêu kép” đạt kết quả cao nhất.",
                "3. Các cấp công đoàn chủ động báo cáo cấp ủy để tranh thủ chủ trương, lãnh đạo, chỉ đạo và sự tạo điều kiện của chính quyền, chuyên môn đồng cấp trong việc tổ chức, thực hiện các phong trào thi đua; tăng cường phối hợp với các cơ quan đơn vị phát huy vai trò của tổ chức Công đoàn trong việc tuyên truyền vận động đoàn viên, CCVCLĐ tích cực tham gia các phong trào thi đua yêu nước; xây dựng kế hoạch phát động, hướng dẫn triển khai phong trào thi đua đảm bảo phù hợp với đặc thù địa phương, đơn vị.",
                "4. Căn cứ Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII; nghị quyết đại hội đảng, Nghị quyết Đại hội Công đoàn các cấp và điều kiện thực tiễn địa phương, đơn vị, các cấp công đoàn lựa chọn các nội dung, nhiệm vụ phù hợp gắn với việc triển khai thực hiện các phong trào thi đua yêu nước, trong đó, tập trung chỉ đạo, nâng cao hiệu quả các phong trào thi đua có tính đặc trưng của địa phương, đơn vị; thúc đẩy tăng năng suất lao động, hiệu quả công tác, gắn với mục tiêu hoàn thành nhiệm vụ sản xuất kinh doanh, công tác cải cách hành chính và nâng cao hiệu lực quản lý nhà nước.",
                "5. Tổ chức sơ kết, tổng kết đánh giá các đợt thi đua; biểu dương, khen thưởng kịp thời các tập thể, cá nhân tiêu biểu, tạo sự lan toả trong hệ thống và toàn xã hội; chú trọng cổ vũ các tập thể, cá nhân, người lao động trực tiếp sản xuất có tinh thần sáng tạo, dám nghĩ, dám làm, quyết tâm phấn đấu hoàn thành tốt nhiệm vụ chính trị của địa phương, đơn vị.",
                "6. Tập trung tổ chức các hoạt động thi đua hướng về cơ sở; tăng cường đôn đốc, kiểm tra, hướng dẫn các cơ sở trực thuộc tổ chức tốt các nội dung, mục tiêu, chỉ tiêu thi đua đã phát động.",
            ),
        ),
    ),
    # "Năm 2022": the emulation runs through the calendar year the plan opens.
    starts_on=D(2022, 1, 1),
    ends_on=D(2022, 12, 31),
    closing="Ban Thường vụ LĐLĐ tỉnh đề nghị các cấp công đoàn trong tỉnh phát huy tinh thần tiên phong, sáng tạo, yêu nước của giai cấp công nhân, hăng hái thi đua lao động sản xuất, đoàn kết, phấn đấu lập thành tích cao nhất chào mừng các ngày kỷ niệm lớn trong năm 2022, góp phần thực hiện thắng lợi Nghị quyết Đại hội XII Công đoàn Việt Nam, Công đoàn tỉnh và các mục tiêu, nhiệm vụ phát triển kinh tế - xã hội của tỉnh năm 2022.",
    recipients=text(
        "TT Tỉnh ủy, HĐND, UBND tỉnh;",
        "Đ/c Trần Thanh Hải, Phó Chủ tịch",
        "Thường trực Tổng Liên đoàn",
        "Ban Dân vận tỉnh;",
        "Ban TĐKT tỉnh;",
        "Văn phòng Tổng Liên đoàn;",
        "TT TĐKT khối Đoàn thể tỉnh;",
        "TT TĐKT Cụm TĐ 7 tỉnh BGPB;",
        "Lãnh đạo LĐLĐ tỉnh;",
        "Các cấp công đoàn trong tỉnh;",
        "Lưu: VT, CSPL và QHLD.",
        "(B/c)",
    ),
    # Printed with the authority line only.
    signer_title="TM. BAN THƯỜNG VỤ",
    signer_name="Nguyễn Thị Thiệp",
    target_mode=TargetMode.NEXT_LEVEL,
)

# --------------------------------------------------------------------------- seed 002
# Kế hoạch 92/KH-LĐLĐ of LĐLĐ huyện Gia Lâm, 10/9/2021: the special COVID-19 movement, open-ended,
# with the simplified award procedure (Điều 55 Nghị định 91/2017/NĐ-CP).

_GL_COVID_DISTRICT_TASKS = text(
    "- Xây dựng kế hoạch phát động phong trào thi đua đặc biệt biệt “Công nhân, viên chức, lao động nỗ lực vượt khó, sáng tạo, quyết tâm chiến thắng đại dịch COVID-19” triển khai đến 100% công đoàn cơ sở.",
    "- Báo cáo Thường trực Huyện ủy, chủ động phối hợp với UBND, MTTQ và các đoàn thể chính trị - xã hội Huyện tổ chức triển khai, thực hiện kế hoạch đảm bảo thiết thực, chất lượng, hiệu quả.",
    "- Xét khen thưởng theo thẩm quyền và đề nghị Tổng liên đoàn Lao động Việt Nam, Ủy ban Nhân dân và LĐLĐ thành phố Hà Nội xét khen thưởng các tập thể, cá nhân có thành tích xuất sắc tiêu biểu.",
)
_GL_COVID_CDCS_TASKS = text(
    "- Căn cứ Kế hoạch của LĐLĐ huyện, tình hình thực tế tại cơ quan, đơn vị, doanh nghiệp triển khai đến 100% đoàn viên, CNVCLĐ.",
    "- Báo cáo thủ trưởng đơn vị, chủ doanh nghiệp tổ chức triển khai, thực hiện kế hoạch đảm bảo thiết thực, chất lượng, hiệu quả.",
    "- Xét đề nghị LĐLĐ huyện khen thưởng các tập thể, cá nhân có thành tích xuất sắc tiêu biểu.",
)

SEED_002 = SeedPlan(
    key="002",
    issuer_code="HN-GL",
    issuer_name="LĐLĐ huyện Gia Lâm",
    kind=CampaignKind.SPECIAL,
    number=92,
    plan_date=D(2021, 9, 10),
    place="Gia Lâm",
    title="Tổ chức phong trào thi đua đặc biệt “Công nhân, viên chức, lao động nỗ lực vượt khó, sáng tạo, quyết tâm chiến thắng đại dịch COVID - 19”",
    movement_name="Công nhân, viên chức, lao động nỗ lực vượt khó, sáng tạo, quyết tâm chiến thắng đại dịch COVID - 19",
    intro="Hưởng ứng phát động phong trào thi đua đặc biệt: “Cả nước đoàn kết, chung sức, đồng lòng thi đua phòng, chống và chiến thắng đại dịch COVID - 19” của Thủ tướng Chính phủ, Tổng liên đoàn Lao động Việt Nam và Thành phố Hà Nội. Thực hiện Kế hoạch số 44/KH-LĐLĐ ngày 06/9/2021 của Liên đoàn Lao động thành phố Hà Nội về việc tổ chức phong trào thi đua đặc biệt “Công nhân, viên chức, lao động nỗ lực vượt khó, sáng tạo, quyết tâm chiến thắng đại dịch COVID-19”; Ban Thường vụ Liên đoàn Lao động Huyện xây dựng Kế hoạch tổ chức phát động phong trào thi đua đặc biệt “Công nhân, viên chức, lao động Huyện nỗ lực vượt khó, sáng tạo, quyết tâm chiến thắng đại dịch COVID - 19” với các nội dung cụ thể như sau.",
    references=(
        Reference(
            "Hưởng ứng",
            "Phong trào thi đua đặc biệt",
            "",
            None,
            "Thủ tướng Chính phủ, Tổng liên đoàn Lao động Việt Nam và Thành phố Hà Nội",
            "“Cả nước đoàn kết, chung sức, đồng lòng thi đua phòng, chống và chiến thắng đại dịch COVID - 19”",
        ),
        Reference(
            "Thực hiện",
            "Kế hoạch",
            "44/KH-LĐLĐ",
            D(2021, 9, 6),
            "Liên đoàn Lao động thành phố Hà Nội",
            "việc tổ chức phong trào thi đua đặc biệt “Công nhân, viên chức, lao động nỗ lực vượt khó, sáng tạo, quyết tâm chiến thắng đại dịch COVID-19”",
        ),
    ),
    sections=(
        Section(
            SectionPart.PURPOSE,
            "MỤC ĐÍCH, YÊU CẦU",
            text(
                "1. Mục đích",
                "1.1. Tuyên truyền, vận động, cổ vũ đoàn viên, công nhân, viên chức và người lao động (CNVCLĐ) phát huy truyền thống yêu nước, tinh thần đoàn kết, tương thân, tương ái, ý chí tự lực, tự cường, đồng cam, cộng khổ, chung sức, đồng lòng thực hiện có hiệu quả các giải pháp phòng, chống đại dịch COVID-19.",
                "1.2. Thể hiện vai trò, trách nhiệm của đội ngũ CNVCLĐ và tổ chức Công đoàn đồng hành cùng cả nước, Thành phố và cơ quan, doanh nghiệp trong công tác phòng, chống đại dịch COVID - 19 với tinh thần “Chống dịch như chống giặc” góp phần sớm kiểm soát và chiến thắng đại dịch COVID - 19, thực hiện có hiệu quả “mục tiêu kép”.",
                "2. Yêu cầu",
                "2.1. Việc tổ chức phong trào thi đua là nhiệm vụ đặc biệt quan trọng, cần được ưu tiên triển khai ngay trong các cấp công đoàn với cách thức linh hoạt, phù hợp, dễ hiểu, dễ thực hiện; đảm bảo mục tiêu rõ ràng, nội dung thiết thực.",
                "2.2. Kịp thời phát hiện, biểu dương, khen thưởng và lan tỏa, nhân rộng các điển hình tiên tiến, gương người tốt, việc tốt, mô hình mới tiêu biểu, cách làm sáng tạo, hiệu quả trong công tác phòng, chống đại dịch COVID - 19.",
            ),
        ),
        Section(
            SectionPart.WINDOW,
            "THỜI GIAN TỔ CHỨC",
            "Phong trào thi đua được tổ chức từ ngày 01/9/2021 đến khi tình hình dịch bệnh được kiểm soát trên địa bàn Thành phố và trong phạm vi toàn quốc.",
        ),
        Section(
            SectionPart.CONTENT,
            "NỘI DUNG PHONG TRÀO THI ĐUA",
            text(
                "1. Tuyên truyền trong CNVCLĐ các chủ trương, chính sách của Đảng, Nhà nước và thành phố Hà Nội về phòng, chống dịch bệnh Covid-19; về truyền thống đoàn kết, tinh thần yêu nước của dân tộc; về hành động có trách nhiệm của công dân vì bản thân, gia đình, cộng đồng và xã hội trong thực hiện các biện pháp phòng, chống dịch theo phương châm “Ai ở đâu, ở đó” trong bối cảnh thực hiện giãn cách xã hội theo Chỉ thị số 16/CT-TTg của Thủ tướng Chính phủ.",
                "2. Mỗi cán bộ, đoàn viên, CNVCLĐ là một chiến sĩ, chủ động nâng cao nhận thức, tự giác thực hiện và vận động, thuyết phục đồng nghiệp và người thân trong gia đình chấp hành nghiêm các biện pháp phòng, chống dịch, đặc biệt là nguyên tắc 5K, thực hiện giãn cách xã hội và chiến lược tiêm chủng vắc xin; đồng cam, cộng khổ, chia sẻ với khó khăn của cơ quan, đơn vị, doanh nghiệp; hỗ trợ, giúp đỡ nhau, nỗ lực vượt qua mọi khó khăn, thách thức; tích cực tham gia lao động sản xuất với năng suất cao, chất lượng; góp phần sớm ổn định sản xuất, đảm bảo việc làm và đời sống; không bị kích động, lôi kéo để gây rối và thực hiện các hành vi trái pháp luật.",
                "3. Mỗi cơ quan, đơn vị, doanh nghiệp và công đoàn cơ sở là một pháo đài, là mái nhà bình yên. Công đoàn cơ sở tuyên truyền, vận động đoàn viên, người lao động đoàn kết, chung sức, đồng lòng, khắc phục khó khăn, chủ động, sáng tạo trong phòng, chống dịch COVID - 19 và sản xuất, kinh doanh. Phối hợp với thủ trưởng, người sử dụng lao động của cơ quan, đơn vị, doanh nghiệp vận động đoàn viên, CNVCLĐ nêu cao tinh thần đồng cam, cộng khổ thực hiện tốt các quy định về phòng, chống dịch; bảo vệ sức khỏe, an toàn tính mạng cho đoàn viên, CNVCLĐ. Tăng cường các biện pháp phòng, chống dịch với tinh thần “An toàn mới sản xuất, sản xuất phải an toàn”. Thúc đẩy tăng năng suất lao động, nâng cao hiệu quả công việc, sớm phục hồi hoạt động SXKD, phát triển kinh tế - xã hội. Tổ chức các hoạt động chăm lo, bảo vệ đoàn viên, người lao động; gắn bó với doanh nghiệp, yên tâm sản xuất, bảo vệ cơ quan, nhà máy tuyệt đối an toàn.",
                "4. Các cấp công đoàn phát huy tính sáng tạo sáng tạo, huy động nguồn lực chăm lo cho đoàn viên, CNVCLĐ khó khăn do ảnh hưởng dịch bệnh COVID-19, nhất là đoàn viên, người lao động trong khu vực bị phong tỏa, cách ly và cán bộ, đoàn viên trực tiếp tham gia tuyến đầu chống dịch; có cách làm hay, giải pháp sáng tạo đáp ứng kịp thời, hiệu quả yêu cầu thực tiễn và diễn biến của dịch dịch bệnh. Tăng cường phát huy các mô hình có hiệu quả như: “Doanh nghiệp vùng “xanh”, “Tổ An toàn Covid-19”, “Xe buýt siêu thị 0 đồng”, “Siêu thị 0 đồng”, “Chuyến xe 0 đồng”, “Nhà trọ 0 đồng”...",
                "5. Đề cao vai trò, trách nhiệm của người đứng đầu chủ động, quyết liệt, linh hoạt, sáng tạo trong công tác chỉ đạo, triển khai thực hiện các nhiệm vụ phòng, chống dịch bệnh COVID-19; xác định rõ trách nhiệm, nêu cao bản lĩnh của từng cán bộ công đoàn vào thời điểm khó khăn, thử thách với tinh thần “Tất cả vì đoàn viên, người lao động”.",
            ),
        ),
        Section(
            SectionPart.MEASURES,
            "GIẢI PHÁP THỰC HIỆN",
            text(
                "Để thực hiện đồng bộ và có hiệu quả các giải pháp, đảm bảo hoàn thành các mục tiêu và nội dung thi đua đã đề ra, các cấp công đoàn Huyện cần tập trung một số giải pháp sau.",
                "1. Triển khai ngay phong trào thi đua với những nội dung, tiêu chí cụ thể, phù hợp với từng nhóm đối tượng, lĩnh vực công tác, gắn với yêu cầu nhiệm vụ và tình hình thực tiễn tại các cơ quan, đơn vị, doanh nghiệp.",
                "2. Đẩy mạnh tuyên truyền, vận động đoàn viên, người lao động bằng nhiều cách thức, linh hoạt, sáng tạo phù hợp với điều kiện phòng, chống dịch; ứng dụng công nghệ thông tin, nhóm Zalo, trang facebook và qua các phương tiện thông tin đại chúng để tuyên truyền, phát động triển khai thực hiện tốt phong trào đến từng đoàn viên và người lao động.",
                "3. Chủ động nắm bắt thông tin, tình hình đời sống, việc làm của đoàn viên, người lao động; thường xuyên phối hợp, trao đổi và thống nhất với người sử dụng lao động, thủ trưởng cơ quan, đơn vị về các giải pháp đảm bảo an toàn, ổn định đời sống, duy trì việc làm cho đoàn viên, người lao động và hoạt động của cơ quan, đơn vị, doanh nghiệp; tham gia thực hiện các biện pháp phòng, chống dịch.",
                "4. Rà soát, sửa đổi, bổ sung, tham mưu ban hành các chế độ, quy định để kịp thời huy động tất cả các nguồn lực trong và ngoài tổ chức Công đoàn, ưu tiên cao nhất cho công tác phòng, chống dịch. Quan tâm các chế độ, chính sách đặc thù hỗ trợ cho đoàn viên, người lao động đang trong khu vực bị phong tỏa, cách ly và cán bộ, đoàn viên trực tiếp tham gia tuyến đầu chống dịch.",
                "5. Kịp thời phát hiện, biểu dương, tôn vinh, khen thưởng các tập thể, cá nhân có thành tích tiêu biểu xuất sắc, cách làm sáng tạo, hiệu quả và có nhiều thành tích đóng góp trong công tác phòng, chống dịch, sáng tạo trong công tác và hoạt động SXKD. Lựa chọn những tập thể, cá nhân có thành tích xuất sắc đề nghị Tổng LĐLĐ Việt Nam, Ủy ban Nhân dân và LĐLĐ thành phố Hà Nội, LĐLĐ Huyện khen thưởng với tinh thần thủ tục đơn giản, rút gọn, đảm bảo kịp thời, đúng mục đích, ý nghĩa tôn vinh.",
            ),
        ),
        Section(
            SectionPart.ORGANISATION,
            "TỔ CHỨC THỰC HIỆN",
            text(
                "1. Đối với Liên đoàn Lao động Huyện",
                _GL_COVID_DISTRICT_TASKS,
                "2. Đối với Công đoàn cơ sở",
                _GL_COVID_CDCS_TASKS,
                "Hồ sơ đề nghị khen thưởng (Theo theo thủ tục đơn giản, quy định tại Điều 55, Nghị định số 91/2017/NĐ-CP ngày 21/7/2017 của Chính phủ), gồm:",
                "- Tờ trình;",
                "- Bản tóm tắt thành tích, có xác nhận của lãnh đạo đơn vị.",
            ),
        ),
    ),
    starts_on=D(2021, 9, 1),
    end_condition="đến khi tình hình dịch bệnh được kiểm soát trên địa bàn Thành phố và trong phạm vi toàn quốc",
    reward={
        "targets": "Các tập thể, cá nhân có thành tích tiêu biểu xuất sắc, cách làm sáng tạo, hiệu quả và có nhiều thành tích đóng góp trong công tác phòng, chống dịch, sáng tạo trong công tác và hoạt động SXKD.",
        "dossier": text("Tờ trình", "Bản tóm tắt thành tích, có xác nhận của lãnh đạo đơn vị"),
        "procedure": Procedure.SIMPLIFIED,
    },
    responsibilities=(
        ("Liên đoàn Lao động Huyện", _GL_COVID_DISTRICT_TASKS),
        ("Công đoàn cơ sở", _GL_COVID_CDCS_TASKS),
    ),
    closing="Ban Thường vụ LĐLĐ Huyện đề nghị BCH Công đoàn cơ sở khẩn trương triển khai, thực hiện đạt hiệu quả cao",
    recipients=text(
        "LĐLĐ thành phố (để b/c);",
        "Huyện ủy GL (để b/c);",
        "UBND Huyện;",
        "UB MTTQ và các t/c CT-XH Huyện;",
        "BCH LĐLĐ Huyện;",
        "CĐCS trực thuộc; (để thực hiện)",
        "Lưu VP.",
    ),
    signer_title="TM. BAN THƯỜNG VỤ\nCHỦ TỊCH",
    signer_name="Nguyễn Đức Thê",
    target_mode=TargetMode.ALL_GRASSROOTS,
)

# --------------------------------------------------------------------------- seed 003
# Kế hoạch 26/KH-LĐLĐ of LĐLĐ quận Long Biên, 01/4/2019: the long-running movement "Đổi mới,
# sáng tạo, hiệu quả", with initiatives, golden books and yearly commendations.

_LB_INNOVATION_DISTRICT_TASKS = text(
    'Xây dựng kế hoạch phát động phong trào thi đua "Đổi mới, sáng tạo, hiệu quả trong hoạt động của các cấp Công đoàn quận Long Biên"; vận động cán bộ, đoàn viên công đoàn tích cực tham gia thực hiện phong trào góp phần nâng cao chất lượng, hiệu quả hoạt động công đoàn cấp mình; chỉ đạo công đoàn cơ sở tích cực triển khai thực hiện phong trào; quan tâm đến công tác phát hiện, biểu dương khen thưởng các tập thể, cá nhân có nhiều sáng kiến, sáng tạo, đổi mới, hiệu quả trong hoạt động công đoàn.',
    'Lập "Sổ vàng sáng kiến" ghi danh những tập thể, cá nhân được biểu dương khen thưởng ở cấp mình về thành tích "Đổi mới, sáng tạo, hiệu quả trong hoạt động của tổ chức Công đoàn".',
    "Hàng năm tổ chức sơ kết, tổng hợp kết quả thực hiện phong trào báo cáo LĐLĐ Thành phố.",
)
_LB_INNOVATION_CDCS_TASKS = text(
    "Căn cứ kế hoạch phát động phong trào thi đua của LĐLĐ quận hướng dẫn triển khai nội dung phong trào đến toàn thể cán bộ, đoàn viên cấp mình đồng thời đăng ký, ký kết giao ước thi đua thực hiện phong trào; tổ chức sơ kết, tổng hợp kết quả thực hiện phong trào báo cáo về LĐLĐ quận.",
    "Hướng dẫn cán bộ, đoàn viên đăng ký sáng kiến, xây dựng nội dung sáng kiến và lập hồ sơ đề nghị cấp có thẩm quyền công nhận sáng kiến (theo mẫu kèm theo).",
    "Tổ chức xét chọn, khen thưởng, biểu dương tập thể, cá nhân và đề nghị cấp trên xem xét khen thưởng các tập thể, cá nhân có nhiều thành tích trong phong trào.",
)
_LB_INNOVATION_COLLECTIVE = (
    "Có phát động phong trào thi đua “Đổi mới, sáng tạo, hiệu quả trong hoạt động của tổ chức Công đoàn”; có tuyên truyền, vận động cán bộ, đoàn viên công đoàn tham gia phong trào; có ký giao ước thi đua, tổ chức cho cán bộ, đoàn viên đăng ký thực hiện đề tài, sáng kiến, sáng tạo liên quan đến tổ chức, hoạt động công đoàn.",
    "Có tổ chức sơ tổng kết phong trào hàng năm; thực hiện nghiêm túc việc xét duyệt, nghiệm thu các đề tài sáng kiến.",
    "Có nhiều cá nhân có đề tài, sáng kiến được Hội đồng sáng kiến, Hội đồng khoa học xét công nhận và được áp dụng trong thực tế mang lại hiệu quả cao trong tổ chức và hoạt động công đoàn, chăm lo bảo vệ được quyền, lợi ích người lao động; vị thế công đoàn ở địa phương, ngành, cơ sở được nâng cao.",
    "Nội bộ đoàn kết, chấp hành tốt các chủ trương của Đảng, chính sách pháp luật của Nhà nước, Điều lệ và Nghị quyết của tổ chức Công đoàn. Được xếp loại Công đoàn vững mạnh.",
)
_LB_INNOVATION_INDIVIDUAL = (
    "Có đề tài, đề xuất, sáng kiến, ý tưởng sáng tạo được Ban Thường vụ Công đoàn hoặc Hội đồng sáng kiến, Hội đồng khoa học nghiệm thu và được ứng dụng trong thực tế hoạt động công đoàn, góp phần đổi mới tổ chức, hoạt động công đoàn, mang lại hiệu quả cao.",
    "Chấp hành tốt các chủ trương của Đảng, chính sách pháp luật của Nhà nước, các quy định của tổ chức Công đoàn Việt Nam.",
    "Là đoàn viên công đoàn được xếp loại khá trở lên.",
)
_LB_INNOVATION_QUOTA = (
    "Hàng năm, Ban Chấp hành công đoàn cơ sở xét chọn, biểu dương những cá nhân có đề xuất, sáng kiến đem lại hiệu quả cao trong hoạt động của công đoàn cơ sở mình.",
    "Hàng năm, Ban Thường vụ LĐLĐ quận xét chọn, biểu dương, khen thưởng đối với các tập thể, cá nhân có đề xuất, sáng kiến đem lại hiệu quả cao, có phạm vi ảnh hưởng rộng trong hoạt động của công đoàn các cấp.",
)
_LB_INNOVATION_DOSSIER = (
    "Tờ trình của Ban Chấp hành (Ban Thường vụ) công đoàn cơ sở đề nghị LĐLĐ quận xét chọn, biểu dương, khen thưởng (kèm theo danh sách tập thể, cá nhân đề nghị).",
    "Báo cáo tóm tắt thành tích nổi bật của tập thể; Báo cáo tóm tắt nội dung đề xuất, sáng kiến của cá nhân và Quyết định công nhận sáng kiến của BCH Công đoàn cơ sở.",
    "Trích Biên bản họp và kết quả xét chọn sáng kiến của Ban Chấp hành (Ban Thường vụ) hoặc Hội đồng sáng kiến của Công đoàn cơ sở.",
)

SEED_003 = SeedPlan(
    key="003",
    issuer_code="HN-LB",
    issuer_name="LĐLĐ quận Long Biên",
    kind=CampaignKind.MOVEMENT,
    number=26,
    plan_date=D(2019, 4, 1),
    place="Long Biên",
    title="Phát động và tổ chức thực hiện phong trào thi đua “Đổi mới, sáng tạo, hiệu quả trong hoạt động của tổ chức Công đoàn”",
    movement_name="Đổi mới, sáng tạo, hiệu quả trong hoạt động các cấp Công đoàn quận Long Biên",
    intro="Thực hiện kế hoạch số 18/KH-LĐLĐ ngày 20/3/2019 của LĐLĐ Thành phố Hà Nội về phát động và tổ chức thực hiện phong trào thi đua “Đổi mới, sáng tạo, hiệu quả trong hoạt động của tổ chức công đoàn”. Ban Thường vụ LĐLĐ quận Long Biên xây dựng kế hoạch phát động và tổ chức thực hiện phong trào thi đua “Đổi mới, sáng tạo, hiệu quả trong hoạt động các cấp Công đoàn quận Long Biên” với những nội dung sau:",
    references=(
        Reference(
            "Thực hiện",
            "Kế hoạch",
            "18/KH-LĐLĐ",
            D(2019, 3, 20),
            "LĐLĐ Thành phố Hà Nội",
            "phát động và tổ chức thực hiện phong trào thi đua “Đổi mới, sáng tạo, hiệu quả trong hoạt động của tổ chức công đoàn”",
        ),
    ),
    sections=(
        Section(
            SectionPart.PURPOSE,
            "Mục đích, yêu cầu",
            text(
                "1. Mục đích",
                "Phát huy trí tuệ, cổ vũ, động viên cán bộ, đoàn viên hiến kế, đề xuất các sáng kiến, giải pháp nâng cao hiệu quả hoạt động của tổ chức Công đoàn; khắc phục mạnh mẽ bệnh hình thức, lãng phí, trì trệ và hành chính hóa trong các cấp công đoàn.",
                "Nâng cao vị thế và uy tín của tổ chức Công đoàn quận Long Biên và Thủ đô Hà Nội, góp phần đoàn kết, thu hút, tập hợp người lao động gia nhập tổ chức Công đoàn Việt Nam, xây dựng giai cấp công nhân Việt Nam lớn mạnh, tổ chức Công đoàn Việt Nam vững mạnh, làm tốt vai trò là cầu nối giữa Đảng với quần chúng, công nhân, lao động.",
                "Các sáng kiến, hiến kế, đổi mới của cán bộ, đoàn viên công đoàn là cơ sở để đánh giá, quy hoạch, đào tạo, bồi dưỡng, bổ nhiệm, giới thiệu ứng cử, nâng lương trước thời hạn, khen thưởng đối với cán bộ, đoàn viên công đoàn; kịp thời biểu dương, nhân rộng các cá nhân, tập thể có nhiều đổi mới, sáng tạo, hiệu quả trong hoạt động của tổ chức Công đoàn.",
                "2. Yêu cầu",
                "- Phong trào phải được phát động đều khắp, sâu rộng, thường xuyên, liên tục ở tất cả các cấp công đoàn.",
                "- Việc tổ chức triển khai phong trào phải thiết thực, hiệu quả, tiết kiệm, có sản phẩm, rõ thành tích, rõ điển hình, tránh phô trương, hình thức, lãng phí.",
            ),
        ),
        Section(
            SectionPart.SUBJECTS,
            "Đối tượng thực hiện phong trào",
            text(
                "1. Tập thể: Từ các Tổ Công đoàn, công đoàn cơ sở đến LĐLĐ quận;",
                "2. Cá nhân:",
                "- Cán bộ công đoàn các cấp (bao gồm cả cán bộ chuyên trách và không chuyên trách);",
                "- Đoàn viên công đoàn.",
            ),
        ),
        Section(
            SectionPart.CONTENT,
            "Nội dung phong trào",
            text(
                "1. Đổi mới: Đổi mới tư duy và hành động, trong đó tập trung: đổi mới nhận thức về những thời cơ và thách thức đối với tổ chức Công đoàn Việt Nam, về nhiệm vụ cốt lõi mà tổ chức Công đoàn cần tập trung thực hiện, về công tác chỉ đạo tổ chức thực hiện nhiệm vụ, về nhiệm vụ của từng cấp công đoàn, về xây dựng và phân bổ nguồn lực, về vai trò của công đoàn cơ sở và tập trung hướng về cơ sở, về cách thức tổ chức các phong trào thi đua và hoạt động công đoàn, về công tác phối hợp để chăm lo, bảo vệ quyền và lợi ích của đoàn viên, người lao động; về xây dựng tổ chức công đoàn vững mạnh và phương pháp tiếp cận đoàn viên, người lao động và truyền thông công đoàn.",
                "2. Sáng tạo: Luôn trăn trở, tìm tòi, đề xuất, nhân rộng mô hình mới, cách làm mới, giải pháp mới; quan tâm nghiên cứu lý luận và tổng kết thực tiễn; cụ thể hóa một cách sáng tạo các chủ trương, nghị quyết của Đảng, của công đoàn cấp trên vào các chương trình, kế hoạch hoạt động của công đoàn cấp mình; đề xuất các giải pháp, biện pháp mới, khoa học, khả thi, sát thực tế để giải quyết các vấn đề của tổ chức Công đoàn và của đoàn viên, người lao động; linh hoạt trong xử lý các tình huống thực tế; ứng dụng mạnh mẽ công nghệ thông tin và các thành tựu khoa học công nghệ trong hoạt động công đoàn.",
                "3. Hiệu quả: Nghiên cứu sâu, toàn diện trước khi đưa ra các chủ trương, nghị quyết, chương trình, kế hoạch. Cân nhắc, phân tích kỹ lưỡng khi đề xuất các hoạt động công đoàn; mỗi hoạt động được đề xuất cần xác định rõ mục tiêu, kết quả đạt được, tính toán kỹ nguồn lực đầu vào và kết quả đầu ra. Tập trung nguồn lực của công đoàn phục vụ các nhiệm vụ cốt lõi của tổ chức, mang lại lợi ích và bảo vệ quyền lợi của đoàn viên, người lao động. Kết quả của phong trào thi đua và các hoạt động công đoàn phải rõ sản phẩm, rõ điển hình, có sức lan tỏa. Kiên quyết không tổ chức các hoạt động hình thức, gây lãng phí, tốn kém.",
            ),
        ),
        Section(
            SectionPart.MEASURES,
            "Biện pháp tổ chức phong trào",
            text(
                "1. Công tác phổ biến, tuyên truyền, vận động thực hiện phong trào",
                "Các cấp công đoàn tổ chức tuyên truyền về phong trào thi đua “Đổi mới, sáng tạo, hiệu quả trong hoạt động các cấp Công đoàn quận Long Biên” với các hình thức phù hợp điều kiện của từng cấp công đoàn để mỗi cán bộ, đoàn viên công đoàn nhận thức sâu sắc về mục đích, ý nghĩa, nội dung của phong trào, từ đó chủ động, tích cực tự giác tham gia phong trào thông qua việc:",
                "- Tổ chức hội nghị quán triệt, tọa đàm trao đổi;",
                "- Các phương tiện truyền thông của tổ chức Công đoàn;",
                "- Các tờ rơi, tờ gấp, khẩu hiệu, tài liệu và các hình thức truyền thông khác.",
                "2. Tổ chức phong trào",
                "- Tổ chức ký kết giao ước thi đua thực hiện phong trào thi đua “Đổi mới, sáng tạo, hiệu quả trong hoạt động các cấp Công đoàn quận Long BIên”. Khuyến khích cán bộ công đoàn, nhất là cán bộ chuyên trách công đoàn đăng ký đề tài, sáng kiến liên quan đến việc thực hiện chức năng, nhiệm vụ của tổ chức công đoàn.",
                "- Khi cá nhân hoặc nhóm cán bộ công đoàn có ý tưởng mới thì đăng ký sáng kiến và gửi cho bộ phận làm công tác thi đua khen thưởng cấp mình để tổng hợp trình Hội đồng sáng kiến, khi được chấp thuận sẽ tiến hành xây dựng hồ sơ cụ thể về tên sáng kiến, nội dung sáng kiến để trình các cấp khen thưởng.",
                '- Công đoàn cơ sở thành lập "Tổ hỗ trợ sáng kiến", "Tổ uơm mầm ý tưởng" để nắm bắt, hỗ trợ, hướng dẫn cá nhân nêu ý tưởng, phát huy ý tưởng và triển khai thực hiện ý tưởng và lập hồ sơ đề nghị công nhận sáng kiến.',
                "- Ban Chấp hành công đoàn cơ sở, tổ trưởng công đoàn tiếp nhận các ý tưởng, sáng kiến và thành lập Hội đồng sáng kiến để xem xét, đánh giá công nhận sáng kiến ở cấp mình và đề nghị công đoàn cấp trên xem xét công nhận sáng kiến theo quy định.",
                "- LĐLĐ quận thành lập Hội đồng sáng kiến để xem xét công nhận sáng kiến cấp quận và trình LĐLĐ Thành phố xem xét công nhận sáng kiến và khen thưởng theo quy định.",
                "- Mỗi cấp công đoàn có sổ vàng sáng kiến để mỗi khi cá nhân hoặc nhóm cán bộ công đoàn trong đơn vị có sáng kiến mới được ứng dụng vào thực tiễn đem lại hiệu quả cao và được Hội đồng sáng kiến cấp mình công nhận thì được ghi vào sổ vàng sáng kiến. Sáng kiến mới phải được đăng ký; sổ vàng sáng kiến là căn cứ quan trọng trong đánh giá hiệu quả thi đua hàng năm, làm cơ sở quan trọng xét đề nghị nâng lương trước thời hạn, biểu dương, khen thưởng và đề nghị bổ nhiệm, giới thiệu đề cử vào các vị trí công tác cao hơn. Bộ phận làm công tác thi đua khen thưởng ở mỗi cấp công đoàn phải theo dõi tổng hợp, ghi sổ sáng kiến của đơn vị.",
                "3. Kiểm tra, đánh giá việc thực hiện phong trào",
                'Định kỳ 6 tháng, một năm mỗi cấp công đoàn tổ chức tự kiểm tra, giám sát việc thực hiện các nội dung giao ước thi đua "đổi mới, sáng tạo, hiệu quả" của các tập thể và đăng ký đề tài, sáng kiến của các cá nhân hoặc nhóm cán bộ công đoàn. Có cơ chế khuyến khích tinh thần, vật chất, tạo điều kiện để các tập thể, cá nhân thực hiện các bản giao ước và đăng ký sáng kiến.',
                'Hằng năm, mỗi cấp công đoàn tổ chức đánh giá phong trào "đổi mới, sáng tạo, hiệu quả" và chủ động khen thưởng và đề xuất khen thưởng cho cá nhân có sáng kiến, sáng tạo, việc làm hiệu quả. Công đoàn cấp trên tổ chức kiểm tra, đánh giá một số đơn vị của công đoàn cấp dưới về việc tổ chức thực hiện phong trào.',
            ),
        ),
        Section(
            SectionPart.REWARD,
            "KHEN THƯỞNG",
            text(
                "1. Đối tượng xét chọn, biểu dương khen thưởng",
                "1.1. Đối với tập thể: Công đoàn cơ sở",
                "1.2. Đối với cá nhân",
                "- Cán bộ, đoàn viên công đoàn làm việc tại các cơ quan công đoàn các cấp;",
                "- Cán bộ, đoàn viên công đoàn làm việc trong các cơ quan, đơn vị, doanh nghiệp thuộc hệ thống công đoàn.",
                "2. Tiêu chuẩn",
                "2.1. Đối với tập thể",
                *_LB_INNOVATION_COLLECTIVE,
                "2.2. Đối với cá nhân",
                *_LB_INNOVATION_INDIVIDUAL,
                "3. Số lượng biểu dương khen thưởng",
                "3.1. Đối với công đoàn cơ sở",
                _LB_INNOVATION_QUOTA[0],
                "3.2. Đối với LĐLĐ quận",
                _LB_INNOVATION_QUOTA[1],
                "4. Thủ tục hồ sơ đề nghị khen thưởng",
                *(f"- {d}" for d in _LB_INNOVATION_DOSSIER),
            ),
        ),
        Section(
            SectionPart.ORGANISATION,
            "TỔ CHỨC THỰC HIỆN",
            # The printed plan numbers the CĐCS part "3." after "1.": kept as signed.
            text(
                "1. Liên đoàn Lao động quận",
                _LB_INNOVATION_DISTRICT_TASKS,
                "3. Công đoàn cơ sở",
                _LB_INNOVATION_CDCS_TASKS,
            ),
        ),
    ),
    # A standing movement: it runs from the plan's date with no end.
    starts_on=D(2019, 4, 1),
    reward={
        "targets": text(
            "Đối với tập thể: Công đoàn cơ sở",
            "Đối với cá nhân: Cán bộ, đoàn viên công đoàn làm việc tại các cơ quan công đoàn các cấp; Cán bộ, đoàn viên công đoàn làm việc trong các cơ quan, đơn vị, doanh nghiệp thuộc hệ thống công đoàn.",
        ),
        "collective_criteria": text(*_LB_INNOVATION_COLLECTIVE),
        "individual_criteria": text(*_LB_INNOVATION_INDIVIDUAL),
        "quota_rule": text(*_LB_INNOVATION_QUOTA),
        "dossier": text(*_LB_INNOVATION_DOSSIER),
        "procedure": Procedure.STANDARD,
    },
    responsibilities=(
        ("Liên đoàn Lao động quận", _LB_INNOVATION_DISTRICT_TASKS),
        ("Công đoàn cơ sở", _LB_INNOVATION_CDCS_TASKS),
    ),
    closing='Trên đây là kế hoạch phát động và tổ chức thực hiện phong trào thi đua "Đổi mới, sáng tạo, hiệu quả" trong hoạt động của các cấp công đoàn quận Long Biên đề nghị BCH công đoàn cơ sở tổ chức triển khai thực hiện và báo cáo kết quả định kỳ 6 tháng/lần về LĐLĐ quận Long Biên.',
    recipients=text(
        "Thường trực LĐLĐ HN;",
        "Ban CSPL LĐLĐ HN;",
        "Thường trực Quận uỷ, UBND Quận;",
        "Ban dân vận, HĐ TĐKT quận;",
        "Công đoàn cơ sở;",
        "Lưu VP, Thi đua.",
    ),
    # The lines after "CHỦ TỊCH" in the seed ("BCH LIÊN ĐOÀN Lao Động QUẬN LONG BIÊN") are the
    # seal read by the conversion, not part of the signer's title.
    signer_title="TM. BAN THƯỜNG VỤ\nCHỦ TỊCH",
    signer_name="Phạm Thị Thu Hằng",
    target_mode=TargetMode.ALL_GRASSROOTS,
)

# --------------------------------------------------------------------------- seed 004
# Kế hoạch of LĐLĐ quận Long Biên, 08/01/2021: the theme of the year 2021. The copy we have has
# no number line, so it takes the next free number of the district's 2021 plan register.

_LB_2021_DISTRICT_TASKS = text(
    "- Xây dựng, triển khai, chỉ đạo, hướng dẫn CĐCS thực hiện chủ đề năm công tác của tổ chức Công đoàn, Thành phố, Quận ủy và LĐLĐ Quận tới Công đoàn và CNVCLĐ các cơ quan, đơn vị, doanh nghiệp, trường học trên địa bàn Quận.",
    "- Chỉ đạo CĐCS lựa chọn nội dung, vận động CNVCLĐ thực hiện “Dân vận khéo” trong các lĩnh vực, phù hợp với tình hình thực tiễn, nhiệm vụ chính trị của đơn vị.",
    "- Tổ chức 2 lớp tập huấn về phương pháp, kỹ năng hoạt động công đoàn",
    "- Tổ chức hội nghị tọa đàm 3 khối về nâng cao chất lượng hoạt động các tổ công đoàn thuộc công đoàn cơ sở.",
    "- Tổ chức hội nghị tổng kết, khen thưởng công đoàn cơ sở thực hiện tốt chủ đề công tác năm 2021.",
    "- Báo cáo kết quả thực hiện với Quận ủy, Thành phố theo quy định.",
)
_LB_2021_CDCS_TASKS = text(
    "- Ban chấp hành công đoàn cơ sở xây dựng kế hoạch, chủ động phối hợp với chuyên môn đồng cấp triển khai thực hiện kế hoạch. Tổ chức các hoạt động tuyên truyền, vận động cán bộ, CNVCLĐ trong cơ quan, đơn vị, doanh nghiệp, trường học thực hiện các nội dung theo kế hoạch này.",
    "- Chủ động phối hợp tham gia với chính quyền, chuyên môn đồng cấp tuyên truyền, kiểm tra, đôn đốc CNVCLĐ thực hiện chủ đề năm 2021. Đăng ký mô hình “dân vận khéo” gửi về LĐLĐ Quận chậm nhất ngày 22/02/2021.",
    "- Định kỳ hàng quý, 6 tháng, năm báo cáo kết quả thực hiện về Liên đoàn Lao động quận Long Biên qua địa chỉ email: ldllongbien@gmail.com trước ngày 15 tháng cuối quý.",
)

SEED_004 = SeedPlan(
    key="004",
    issuer_code="HN-LB",
    issuer_name="LĐLĐ quận Long Biên",
    kind=CampaignKind.ANNUAL_THEME,
    number=None,
    plan_date=D(2021, 1, 8),
    place="Long Biên",
    title="Thực hiện chủ đề công tác năm 2021 trong CNVCLĐ quận Long Biên",
    movement_name="Tổ chức công đoàn phục vụ đoàn viên",
    intro=text(
        "Năm 2021 có ý nghĩa đặc biệt quan trọng, năm diễn ra Đại hội Đại biểu toàn quốc lần thứ XIII của Đảng, bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021-2026; năm đầu thực hiện Nghị quyết Đại hội Đảng bộ quận lần thứ IV và 03 chương trình công tác của Ban chấp hành Đảng bộ Quận, nhiệm kỳ 2020-2025, Nghị quyết Đại hội Đảng bộ thành phố Hà Nội lần thứ XVII, Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII.",
        "Thực hiện chủ đề công tác năm 2021 của Tổng LĐLĐ Việt Nam “Nâng cao chất lượng đội ngũ cán bộ công đoàn cơ sở”, của Thành phố Hà Nội “Kỷ cương, trách nhiệm, hành động, sáng tạo, phát triển”, của quận Long Biên “Năm Dân vận khéo, trọng tâm công tác giải phóng mặt bằng” và của LĐLĐ quận Long Biên “Tổ chức công đoàn phục vụ đoàn viên”; Ban thường vụ LĐLĐ Quận Long Biên xây dựng kế hoạch thực hiện chủ đề năm 2021 trong CNVCLĐ Quận như sau:",
    ),
    # The themes it implements are not numbered documents: each is a reference with its
    # issuer and the theme as title.
    references=(
        Reference(
            "Thực hiện",
            "Chủ đề công tác năm 2021",
            "",
            None,
            "Tổng LĐLĐ Việt Nam",
            "“Nâng cao chất lượng đội ngũ cán bộ công đoàn cơ sở”",
        ),
        Reference(
            "Thực hiện",
            "Chủ đề công tác năm 2021",
            "",
            None,
            "Thành phố Hà Nội",
            "“Kỷ cương, trách nhiệm, hành động, sáng tạo, phát triển”",
        ),
        Reference(
            "Thực hiện",
            "Chủ đề công tác năm 2021",
            "",
            None,
            "quận Long Biên",
            "“Năm Dân vận khéo, trọng tâm công tác giải phóng mặt bằng”",
        ),
    ),
    sections=(
        Section(
            SectionPart.PURPOSE,
            "Mục đích, yêu cầu",
            text(
                "1. Mục đích",
                "- Tập trung công tác đào tạo nhằm nâng cao năng lực đội ngũ cán bộ chủ chốt công đoàn cơ sở. Tiếp tục đổi mới và đẩy mạnh các phong trào thi đua trong CNVCLĐ, bám sát vào nhiệm vụ chính trị trọng tâm, đột phá của tổ chức công đoàn, thành phố Hà Nội và quận Long Biên, gắn phong trào thi đua với việc thực hiện chủ đề công tác năm của Tổng LĐLĐ Việt Nam, Thành phố, Quận Long Biên và LĐLĐ Quận.",
                "- Tăng cường kỷ cương hành chính, kỷ luật công vụ; nâng cao năng lực chỉ đạo, điều hành của tập thể lãnh đạo, vai trò nêu gương của người đứng đầu và ý thức trách nhiệm, hiệu quả thực thi công vụ của đội ngũ cán bộ, công chức, viên chức, hệ thống chính trị từ Quận đến cơ sở hoạt động hiệu lực, hiệu quả; Phát huy tinh thần chủ động, dám nghĩ, dám làm, dám chịu trách nhiệm của tập thể, cá nhân.",
                "- Nâng cao trách nhiệm của cán bộ công đoàn cơ sở vận động sự vào cuộc của cả hệ thống chính trị trong công tác tuyên truyền, vận động CNVCLĐ chấp hành nghiêm các chủ trương của Đảng, chính sách pháp luật của Nhà nước, nhất là chính sách trong công tác bồi thường, hỗ trợ, tái định cư, giải phóng mặt bằng, thu hồi đất thực hiện các dự án trên địa bàn quận Long Biên năm 2021 và các năm tiếp theo.",
                "2. Yêu cầu",
                "- Công đoàn cơ sở xây dựng kế hoạch cụ thể tuyên truyền vận động 100% đoàn viên, CNVCLĐ tham gia thực hiện chủ đề năm 2021.",
                "- Công đoàn phối hợp với chính quyền đồng cấp tổ chức triển khai thực hiện, xác định rõ các nhiệm vụ trọng tâm, các nhóm giải pháp chủ yếu, phù hợp với đơn vị để tổ chức thực hiện hiệu quả chủ đề năm công tác của Tổng LĐLĐ Việt Nam, Thành phố, Quận và của LĐLĐ Quận; Lựa chọn nội dung, đăng ký, triển khai thực hiện mô hình “Dân vận khéo” phù hợp với tình hình thực tiễn, nhiệm vụ chính trị của đơn vị.",
            ),
        ),
        Section(
            SectionPart.CONTENT,
            "Nội dung",
            text(
                "1. Thực hiện chủ đề của Tổng LĐLĐ Việt Nam “Nâng cao chất lượng đội ngũ cán bộ công đoàn cơ sở”",
                "- Tổ chức bồi dưỡng, cập nhật kiến thức cho cán bộ chủ chốt CĐCS. Tập trung bồi dưỡng, nâng cao kiến thức cho cán bộ công đoàn cơ sở, nhất là chức danh từ phó chủ tịch trở lên, kiến thức về chính sách, pháp luật lao động; kỹ năng hoạt động, nhất là kỹ năng đàm phán, thương lượng với người sử dụng lao động về thỏa ước lao động tập thể, kiến thức về tổ chức đối thoại, giải quyết tranh chấp lao động....nâng cao năng lực, bản lĩnh đại diện, bảo vệ quyền và lợi ích hợp pháp, chính đáng của CNVCLĐ, thực hiện quy chế dân chủ tại cơ quan hành chính, đơn vị sự nghiệp công lập; kỹ năng thu hút tập hợp công nhân lao động tham gia tổ chức công đoàn.",
                "- Tăng cường đào tạo kỹ năng mềm cho cán bộ công đoàn từ tổ trưởng, tổ phó công đoàn trở lên. Nội dung tập huấn, bồi dưỡng ngắn gọn, theo sát hoạt động thực tiễn cơ sở, đi vào kỹ năng chung và chuyên sâu phù hợp với từng đối tượng.",
                "2. Thực hiện chủ đề của Thành phố Hà Nội “Kỷ cương, trách nhiệm, hành động, sáng tạo, phát triển”",
                "- Thực hiện nghiêm các nguyên tắc về tổ chức và hoạt động của Đảng, nhất là nguyên tắc tập thể lãnh đạo, cá nhân phụ trách, tự phê bình và phê bình; Trách nhiệm của CBCC, VC, NLĐ trong việc chấp hành các quy định của pháp luật, quy chế, nội quy của cơ quan, đơn vị, kết quả thực hiện các chức trách, nhiệm vụ được giao.",
                "- Rà soát, bổ sung, hoàn thiện các quy chế, quy định, quy trình. Thực hiện điều hành theo quy chế, làm việc theo quy trình, một việc, một đầu mối xuyên suốt. Xác định rõ nguyên tắc làm việc, thẩm quyền và trách nhiệm của người đứng đầu, từng cá nhân cán bộ, công chức, viên chức trong thực hiện chức trách, nhiệm vụ được giao.",
                "- Tiếp tục thực hiện Nghị quyết TW4 (khóa XII) và Chỉ thị 05 của Bộ Chính trị nhằm ngăn chặn và đẩy lùi tình trạng suy thoái về tư tưởng chính trị, đạo đức, lối sống, những biểu hiện “tự diễn biến, tự chuyển hóa” trong nội bộ.",
                '- Theo dõi, đánh giá việc thực hiện kế hoạch tu dưỡng rèn luyện đạo đức của cán bộ, đảng viên và các chuẩn mực về đạo đức nghề nghiệp, đạo đức công vụ của cán bộ, công chức, viên chức, nhất là người đứng đầu gắn với quy định về "nêu gương"; Công khai tiêu chuẩn các danh hiệu thi đua, kịp thời biểu dương, khen thưởng các tập thể, cá nhân có sáng kiến kinh nghiệm, có thành tích xuất sắc trong thực hiện nhiệm vụ',
                "3. Thực hiện chủ đề của quận Long Biên “Năm Dân vận khéo, trọng tâm công tác giải phóng mặt bằng”.",
                "- Thực hiện tốt quy chế dân chủ trong công tác giải phóng mặt bằng đã được Quận ban hành; tuyên truyền, vận động các cơ quan, đơn vị, gia đình CNVCLĐ trong diện giải phóng mặt bằng phối hợp thực hiện đúng quy trình giải phóng mặt bằng, bàn giao mặt bằng đúng tiến độ, tạo điều kiện tốt nhất cho các dự án đầu tư hạ tầng được triển khai.",
                "- Mỗi CĐCS lựa chọn ít nhất 1 nội dung để đăng ký mô hình “Dân vận khéo” phù hợp với tình hình thực tiễn, nhiệm vụ chính trị của cơ quan, đơn vị, doanh nghiệp, trường học; phấn đấu hoàn thành tốt nhiệm vụ năm 2021.",
                "4. Thực hiện chủ đề của LĐLĐ quận Long Biên “Tổ chức Công đoàn phục vụ đoàn viên”.",
                "Căn cứ nhu cầu, nguyện vọng của số đông người lao động trong từng đơn vị để thực hiện nhiệm vụ phù hợp với chủ đề công tác năm. Công đoàn khu vực hành chính, sự nghiệp, tập trung nâng cao trình độ đội ngũ, ý thức công vụ, phát động và tổ chức các phong trào thi đua yêu nước, xây dựng khối đoàn kết, chăm lo đời sống tinh thần, vật chất cho đoàn viên. Công đoàn các doanh nghiệp, tập trung cho công tác thương lượng, đối thoại, mang lại phúc lợi và lợi ích thiết thực cho người lao động, phát động các phong trào nâng cao năng suất, lao động sáng tạo, bảo vệ người lao động khi quyền và lợi ích bị xâm phạm, tham gia giải quyết có hiệu quả các tranh chấp lao động và đình công. Công đoàn khối trường học tiếp tục vận động CBGV, NV. Trong đó quan tâm đến quyền lợi vật chất, tinh thần, việc thực hiện chế độ chính sách, nâng cao phúc lợi cho CBGV, NV. Đổi mới quan hệ giữa cán bộ công đoàn và đoàn viên theo hướng đoàn viên là người được chăm lo, phục vụ, cán bộ công đoàn có sứ mệnh chăm lo, phục vụ đoàn viên. Công đoàn cấp trên phục vụ, đáp ứng các yêu cầu chính đáng của công đoàn cấp dưới.",
            ),
        ),
        Section(
            SectionPart.ORGANISATION,
            "Tổ chức thực hiện",
            text(
                "1. Liên đoàn lao động quận",
                _LB_2021_DISTRICT_TASKS,
                "2. Công đoàn cơ sở",
                _LB_2021_CDCS_TASKS,
            ),
        ),
    ),
    # The theme of the year 2021: the whole calendar year.
    starts_on=D(2021, 1, 1),
    ends_on=D(2021, 12, 31),
    activities=(
        "Tổ chức 2 lớp tập huấn về phương pháp, kỹ năng hoạt động công đoàn",
        "Tổ chức hội nghị tọa đàm 3 khối về nâng cao chất lượng hoạt động các tổ công đoàn thuộc công đoàn cơ sở.",
        "Tổ chức hội nghị tổng kết, khen thưởng công đoàn cơ sở thực hiện tốt chủ đề công tác năm 2021.",
    ),
    # The quarterly reports ("trước ngày 15 tháng cuối quý") are a recurring rule, not a date of
    # this plan: the reports app keeps them as a periodic form.
    deadlines=(SeedDeadline("Đăng ký mô hình “dân vận khéo” gửi về LĐLĐ Quận", D(2021, 2, 22)),),
    responsibilities=(
        ("Liên đoàn lao động quận", _LB_2021_DISTRICT_TASKS),
        ("Công đoàn cơ sở", _LB_2021_CDCS_TASKS),
    ),
    closing="Trên đây là kế hoạch thực hiện chủ đề công tác năm 2021 trong CNVCLĐ quận Long Biên; Ban Thường vụ LĐLĐ Quận đề nghị Ban chấp hành công đoàn các cơ quan, đơn vị, doanh nghiệp, trường học trên địa bàn Quận căn cứ tình hình thực tế triển khai thực hiện để đạt được mục đích, yêu cầu đề ra.",
    recipients=text(
        "Thường trực LĐLĐ HN;",
        "Ban Tuyên giáo LĐLĐ HN;",
        "Thường trực Quận uỷ, Lãnh đạo UBND Quận;",
        "Các CQ, ĐV, DN, TH trên địa bàn;",
        "Công đoàn cơ sở;",
        "Lưu VP.",
    ),
    signer_title="TM. BAN THƯỜNG VỤ\nCHỦ TỊCH",
    signer_name="Phan Thị Thu Hằng",
    target_mode=TargetMode.ALL_GRASSROOTS,
)

SEEDS: tuple[SeedPlan, ...] = (SEED_000, SEED_001, SEED_002, SEED_003, SEED_004)
SEEDS_BY_KEY = {seed.key: seed for seed in SEEDS}


# --------------------------------------------------------------------------- entering a seed


def _campaign_fields(seed: SeedPlan) -> dict[str, object]:
    return {
        "kind": seed.kind,
        "title": seed.title,
        "movement_name": seed.movement_name,
        "place": seed.place,
        "plan_date": seed.plan_date,
        "intro": seed.intro,
        "closing": seed.closing,
        "starts_on": seed.starts_on,
        "ends_on": seed.ends_on,
        "end_condition": seed.end_condition,
        "recipients": seed.recipients,
        "signer_title": seed.signer_title,
        "signer_name": seed.signer_name,
    }


def _continue_register_at(issuer: Unit, seed: SeedPlan) -> None:
    """Make the issuer's register give the printed number next. The register was kept on paper
    before thidua, so its counter starts where the paper book stopped (number − 1). A register
    already past that point cannot give the number without a duplicate: refuse, loudly."""
    if seed.number is None:
        return
    counter, _created = RegisterCounter.objects.select_for_update().get_or_create(
        unit=issuer, year=seed.plan_date.year, doc_type=DocType.PLAN
    )
    taken = RegisterEntry.objects.filter(
        unit=issuer, year=seed.plan_date.year, doc_type=DocType.PLAN, number__gte=seed.number
    ).exists()
    if taken or counter.last_number >= seed.number:
        raise ValueError(
            f"Sổ kế hoạch {seed.plan_date.year} của {issuer} đã qua số {seed.number}: không thể vào kế hoạch mẫu {seed.key}."
        )
    counter.last_number = seed.number - 1
    counter.save(update_fields=["last_number"])


@transaction.atomic
def enter_seed(seed: SeedPlan, issuer: Unit, actor) -> Campaign:
    """Type the seed in through the services (so every part is validated as an officer's
    input is), choose its targets, and issue it under its printed number."""
    campaign = services.create_campaign(actor, issuer=issuer, **_campaign_fields(seed))
    for order, ref in enumerate(seed.references, start=1):
        services.save_part(
            actor,
            campaign,
            "reference",
            relation=ref.relation,
            doc_kind=ref.doc_kind,
            number=ref.number,
            issued_on=ref.issued_on,
            issuer=ref.issuer,
            title=ref.title,
            order=order,
        )
    for order, section in enumerate(seed.sections, start=1):
        services.save_part(
            actor,
            campaign,
            "section",
            part=section.part,
            heading=section.heading,
            body=section.body,
            order=order,
        )
    for order, name in enumerate(seed.activities, start=1):
        services.save_part(actor, campaign, "activity", name=name, owner=issuer.name, order=order)
    for order, deadline in enumerate(seed.deadlines, start=1):
        services.save_part(
            actor,
            campaign,
            "deadline",
            what=deadline.what,
            who=deadline.who,
            due_on=deadline.due_on,
            how=deadline.how,
            order=order,
        )
    for order, (level, body) in enumerate(seed.responsibilities, start=1):
        services.save_part(actor, campaign, "responsibility", level=level, body=body, order=order)
    if seed.reward:
        services.save_reward(actor, campaign, **seed.reward)
    services.set_targets(actor, campaign, mode=seed.target_mode)
    _continue_register_at(issuer, seed)
    return services.issue_campaign(actor, campaign)
