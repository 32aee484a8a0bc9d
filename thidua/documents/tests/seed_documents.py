"""Seed 000 (LĐLĐ quận Long Biên, Kế hoạch 32/KH-LĐLĐ of 21/8/2023) as an `OfficialDocument`,
written out by hand from the seed (copy: thidua/planimport/tests/seeds/000_4c023d7e489fd871.txt):
the rendering tests and bench/bench_documents.py render it. Headings keep the seed's own numbering (it has two "III.").
"""

from thidua.documents.rendering import Bullet, Heading, OfficialDocument, Paragraph, Run

NUMBER_LINE = "Số: 32/KH-LĐLĐ"
DATE_LINE = "Long Biên, ngày 21 tháng 8 năm 2023"
TYPE_NAME = "KẾ HOẠCH"
TITLE = (
    "Phát động đợt thi đua cao điểm trong CNVCLĐ phần đấu lập thành tích chào mừng kỷ niệm 20 năm "
    "Ngày thành lập quận Long Biên (06/11/2003 – 06/11/2023)."
)
SIGNER_LINES = ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"]
SIGNER_NAME = "Nguyễn Trường Giang"
RECIPIENTS = [
    "Quận ủy, UBND Quận;",
    "Ban Tuyên giáo, Ban Dân vận QU;",
    "Công đoàn các CQ, ĐV, DN, TH;",
    "Lưu VP, TĐ.",
]

BODY = [
    Paragraph(
        "Thực hiện kế hoạch số 107-KH/QU ngày 24/02/2022 của Quận ủy Long Biên về tổ chức các hoạt động hướng tới kỷ niệm 20 năm ngày thành lập quận Long Biên (06/11/2003 – 06/11/2023); kế hoạch số 338/KH-UBND ngày 09/8/2023 của UBND quận Long Biên về phát động đợt thi đua cao điểm, phần đấu lập thành tích chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên (06/11/2003 – 06/11/2023); Ban thường vụ LĐLĐ Quận xây dựng kế hoạch phát động đợt thi đua cao điểm trong CNVCLĐ phần đấu lập thành tích Chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên như sau:"
    ),
    Heading(1, "I. MỤC ĐÍCH, YÊU CẦU:"),
    Paragraph(
        "1. Thông qua các phong trào thi đua nhằm huy động sức mạnh tổng hợp, cỗ vũ, động viên CNVCLĐ quận Long Biên hăng hái thi đua trong lao động, sản xuất, hoàn thành thắng lợi các nhiệm vụ, chỉ tiêu kinh tế - xã hội, đảm bảo quốc phòng - an ninh, lập thành tích thiết thực chào mừng kỷ niệm 20 năm ngày thành lập quận (06/11/2003 - 06/11/2023); đồng thời tuyên truyền quảng bá hình ảnh, văn hóa, tiềm năng của quận nhằm thu hút sự quan tâm đầu tư nguồn lực của các doanh nghiệp để thúc đẩy sự phát triển kinh tế của quận; xây dựng quận Long Biên ngày càng giàu đẹp, hiện đại, thanh lịch, văn minh, kỷ cương, phát triển bền vững."
    ),
    Paragraph(
        "2. Đợt thi đua cao điểm nhằm phát hiện, suy tôn những tập thể, cá nhân điển hình, có thành tích tiêu biểu xuất sắc trong các hoạt động để tuyên truyền, nhân rộng, tạo đà thi đua hoàn thành xuất sắc các chỉ tiêu, nhiệm vụ trọng tâm năm 2023."
    ),
    Paragraph(
        "3. 100% các cơ quan, đơn vị, doanh nghiệp, trường học tổ chức tốt các phong trào thi đua, đảm bảo thiết thực, hiệu quả, phù hợp với tình hình thực tế của cơ quan, đơn vị tạo không khí vui tươi, phấn khởi quyết tâm thực hiện thắng lợi các nhiệm vụ trọng tâm của quận, thiết thực chào mừng kỷ niệm 20 năm ngày thành lập quận (06/11/2003 - 06/11/2023)."
    ),
    Heading(1, "II. NỘI DUNG THI ĐUA:"),
    Paragraph(
        "Phát động đợt thi đua cao điểm phần đấu lập thành tích chào mừng kỷ niệm 20 năm Ngày thành lập Quận, tập trung hoàn thành nhiệm vụ chính trị của từng cơ quan, đơn vị, doanh nghiệp với các nội dung chủ yếu sau:"
    ),
    Heading(2, "1. Đối với khối doanh nghiệp."),
    Bullet(
        (
            Run("Tiếp tục tổ chức tốt phong trào thi đua hưởng ứng chương trình “"),
            Run("01 triệu sáng kiến - nỗ lực vượt khó, sáng tạo, quyết tâm chiến thắng đại dịch COVID-19", italic=True),
            Run("” do Tổng Liên đoàn Lao động Việt Nam phát động."),
        )
    ),
    Bullet(
        "Phát động phong trào thi đua thực hiện thắng lợi các mục tiêu, chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội và kế hoạch SXKD của doanh nghiệp năm 2023. Đồng thời phát huy vai trò chủ động, trách nhiệm của đoàn viên, người lao động cùng với doanh nghiệp thúc đẩy tăng năng suất lao động và hiệu quả công tác, phát triển bền vững, đảm bảo việc làm, thu nhập cho người lao động góp phần thực hiện tốt các nhiệm vụ SXKD của doanh nghiệp, chỉ tiêu phát triển KT-XH của quận và Thủ đô."
    ),
    Bullet(
        (
            Run("Phối hợp với Người sử dụng lao động duy trì tổ chức tốt các phong trào thi đua: “"),
            Run("Sáng kiến, sáng tạo", italic=True),
            Run("”, “"),
            Run("Công nhân giỏi", italic=True),
            Run("”, “"),
            Run("Xanh, sạch, đẹp, bảo đảm an toàn vệ sinh lao động", italic=True),
            Run("”, “"),
            Run("Doanh nghiệp Thủ đô hội nhập và phát triển", italic=True),
            Run("”.... Phát hiện, viết bài, giới thiệu những gương “"),
            Run("Người tốt, việc tốt", italic=True),
            Run(
                "”. Vận động đoàn viên công đoàn, CNVCLĐ tích cực học tập, rèn luyện kỹ năng tay nghề, chuyên môn nghiệp vụ, phát huy sáng kiến, sáng tạo, cải tiến kỹ thuật, đẩy mạnh nghiên cứu, ứng dụng khoa học, công nghệ, nâng cao năng suất lao động; đây là những hạt nhân tích cực tham gia phong trào “"
            ),
            Run("Lao động giỏi, Lao động sáng tạo", italic=True),
            Run("” và “"),
            Run("Năng suất cao, chất lượng tốt", italic=True),
            Run("” góp phần bảo đảm việc làm, thu nhập cho người lao động, thúc đẩy doanh nghiệp phát triển bền vững."),
        )
    ),
    Bullet("Tuyên truyền, vận động người sử dụng lao động chỉnh trang cổng, tường rào, mặt tiền doanh nghiệp."),
    Bullet(
        "Đẩy nhanh tiến độ hoàn thành và hoàn thành trước thời hạn các phần việc, công trình sản phẩm có giá trị kinh tế cao chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên."
    ),
    Heading(2, "2. Đối với khu vực Hành chính, Sự nghiệp, Trường học"),
    Bullet(
        (
            Run(
                "Phát động thi đua trong Cán bộ, công chức, viên chức, người lao động thực hiện có hiệu quả các nhiệm vụ chính trị, các chỉ tiêu phát triển kinh tế - xã hội theo Chỉ thị, Nghị quyết, Chương trình, Kế hoạch và chủ đề công tác năm 2023 của thành phố Hà Nội, của Tổng Liên đoàn và Quận Long Biên. Đồng thời đẩy mạnh các phong trào thi đua “"
            ),
            Run("Thực hiện văn hóa công sở và nơi công cộng", italic=True),
            Run("”, “"),
            Run("Hành động để có môi trường làm việc xanh- sạch- đẹp và văn minh", italic=True),
            Run("”"),
        )
    ),
    Bullet(
        "Vận động Cán bộ, công chức, viên chức, người lao động trong các cơ quan, đơn vị, trường học nâng cao trình độ, chuyên môn, nghiệp vụ, sáng tạo, đổi mới quy trình làm việc, nâng cao chất lượng, hiệu quả công tác tham mưu, cải cách hành chính, gắn với chương trình chuyển đổi số quốc gia, hoàn thành các chỉ tiêu, nhiệm vụ phát triển kinh tế xã hội của Quận, Thủ đô và đất nước."
    ),
    Bullet(
        "Tiếp tục đẩy mạnh học tập làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh gắn với cuộc vận động xây dựng người Cán bộ, công chức, viên chức “Trung thành, trách nhiệm, liêm chính, sáng tạo”, “Cán bộ, công chức, viên chức nói không với tiêu cực”, “Tham mưu giỏi, phục vụ tốt”. Chủ trọng nâng cao kỷ luật, kỷ cương hành chính, đạo đức công vụ, phong cách phục vụ nhân dân của Cán bộ, công chức thực hiện Bộ tiêu chí chuyên nghiệp."
    ),
    Bullet(
        "Vận động đoàn viên là cán bộ, viên chức, người lao động trong các đơn vị sự nghiệp đổi mới phương thức tổ chức, hoạt động; nâng cao chất lượng nghiên cứu, đào tạo, dịch vụ, phục vụ, tích cực sáng tạo, tham mưu thực hiện tốt cơ chế tự chủ, có giải pháp thích ứng trong tình hình mới."
    ),
    Bullet(
        "Tiếp tục vận động Cán bộ, công chức, viên chức, người lao động thực hiện các công trình nghiên cứu, đề tài khoa học, phát huy sáng kiến, sáng tạo trong công tác và tổ chức tốt phong trào thi đua."
    ),
    Bullet(
        "Tiếp tục hưởng ứng chương trình “01 triệu sáng kiến - nỗ lực vượt khó, sáng tạo, quyết tâm chiến thắng đại dịch COVID-19” giai đoạn 2."
    ),
    Bullet(
        "Thi đua đẩy mạnh các hoạt động lo đời sống thiết thực và đại diện, bảo vệ quyền, lợi ích hợp pháp, chính đáng của Cán bộ, công chức, viên chức, người lao động; thực hiện quy chế dân chủ ở cơ sở, phòng chống tham nhũng, lãng phí; đổi mới, nâng cao chất lượng hoạt động công đoàn, đẩy mạnh phát triển đoàn viên, thành lập CĐCS góp phần xây dựng giai cấp công nhân và tổ chức Công đoàn vững mạnh, tham gia xây dựng Đảng và Nhà nước trong sạch, vững mạnh."
    ),
    Bullet(
        "Tuyên truyền, vận động Thủ trưởng Cơ quan, đơn vị, trường học chỉnh trang công, tường rào, mặt tiền cơ quan, đơn vị."
    ),
    Bullet(
        (
            Run(
                "Đẩy nhanh tiến độ hoàn thành các công trình, phần việc chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên. Đề nghị các công đoàn cơ sở tổ chức Lễ khánh thành công trình, phần việc của đơn vị và viết tin bài đăng tải lên cổng thông tin của đơn vị, facebook của CĐCS và đồng thời gửi tư liệu bài viết, hình ảnh qua email: ldldlongbien@gmail.com hoặc zalo LDLD quận "
            ),
            Run("chậm nhất trước ngày 15/9/2023", bold=True),
            Run("."),
        )
    ),
    Heading(2, "3. Liên đoàn Lao động Quận."),
    Bullet(
        "Tổ chức tuyên truyền các thành tựu của Đảng bộ và nhân dân quận Long Biên nói chung, của CNVCLD trên địa bàn Quận nói riêng trong 20 năm xây dựng và phát triển."
    ),
    Bullet(
        "Phối hợp tổ chức và chỉ đạo công đoàn cơ sở trang trí trực quan chào mừng kỷ niệm 20 năm thành lập quận Long Biên."
    ),
    Bullet(
        "Triển khai Cuộc thi tìm hiểu 20 năm hình thành, phát triển Quận Long Biên và Liên đoàn Lao động quận Long Biên."
    ),
    Bullet("Tổ chức gặp mặt cán bộ BCH, UBKT LDLD Quận khóa V."),
    Bullet("Tổ chức Tọa đàm “Nâng cao chất lượng hoạt động Ban Chấp hành Công đoàn cơ sở”."),
    Bullet(
        "Phối hợp với UBND, BHXH quận tổ chức Hội nghị đối thoại pháp luật lao động, công đoàn, BHXH giữa chủ doanh nghiệp và người lao động"
    ),
    Bullet(
        "Phối hợp với Đảng ủy khối doanh nghiệp tặng thẻ Bảo hiểm Y tế cho thân nhân đoàn viên công đoàn có hoàn cảnh khó khăn."
    ),
    Bullet("Tổ chức khánh thành Góc truyền thống và phòng làm việc Liên đoàn Lao động quận Long Biên."),
    Bullet(
        "Tổ chức đánh giá, tổng kết, biểu dương khen thưởng tập thể, cá nhân trong đợt thi đua cao điểm chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên."
    ),
    Heading(1, "III. THỜI GIAN THI ĐUA"),
    Paragraph(
        (
            Run(
                "Để phong trào đạt hiệu quả, thiết thực chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên, các cấp Công đoàn tập trung tổ chức phát động đợt thi đua cao điểm trong CNVCLĐ, đoàn viên công đoàn "
            ),
            Run("từ ngày 16/8/2023 đến hết ngày 15/9/2023", bold=True),
            Run("."),
        )
    ),
    Heading(1, "IV. KHEN THƯỞNG."),
    Paragraph(
        "Sau đợt thi đua, LĐLĐ quận sẽ đánh giá kết quả đợt thi đua cao điểm, lựa chọn những tập thể, cá nhân có thành tích xuất sắc khen thưởng, cụ thể:"
    ),
    Paragraph(
        (
            Run(
                "1. Đối tượng: Công đoàn cơ sở và cá nhân thuộc các đơn vị có hành động, việc làm cụ thể, thiết thực, hiệu quả trong các phong trào thi đua và các hoạt động kỷ niệm, được lựa chọn công khai, dân chủ từ cơ sở ("
            ),
            Run("chú trọng khen thưởng tập thể nhỏ và công nhân lao động trực tiếp", italic=True),
            Run(")."),
        )
    ),
    Heading(2, "2. Tiêu chuẩn:"),
    Paragraph(
        "Có xây dựng kế hoạch và tổ chức triển khai tốt các hoạt động chào mừng kỷ niệm 20 năm Ngày thành lập Quận tại đơn vị với hình thức phong phú, đa dạng, sáng tạo, hiệu quả thu hút được sự tham gia tích cực, đồng đảo của cán bộ, đoàn viên, CNVCLĐ."
    ),
    Paragraph(
        (
            Run("Tập thể", italic=True),
            Run(
                ": Là tập thể đoàn kết, gương mẫu, chấp hành chủ trương, chính sách của Đảng, pháp luật của Nhà nước, đạt các tiêu chuẩn sau."
            ),
        )
    ),
    Bullet(
        "Tổ chức tốt đợt thi đua cao điểm chào mừng kỷ niệm 20 năm thành lập quận Long Biên với nhiều nét mới, cách làm sáng tạo đạt kết quả thiết thực, thu hút được sự tham gia tích cực, đồng đảo CNVCLĐ."
    ),
    Bullet("Có công trình, phần việc và tổ chức lễ khánh thành, viết tin bài đăng tải trên các trang thông tin."),
    Bullet("Hoàn thành tốt các nhiệm vụ của đơn vị đảm bảo về tiến độ và chất lượng."),
    Bullet(
        (
            Run("100% cá nhân thuộc tập thể thực hiện nghiêm túc những quy định của 2 bộ quy tắc ứng xử ("),
            Run(
                "theo Quyết định số 522/QĐ-UBND và Quyết định số 1665/QĐ-UBND ngày 10/3/2017 của UBND Thành phố",
                italic=True,
            ),
            Run(")."),
        )
    ),
    Paragraph(
        (
            Run("Cá nhân", italic=True),
            Run(
                ": Chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước, được bình chọn từ cơ sở đạt các tiêu chuẩn sau:"
            ),
        )
    ),
    Bullet(
        "Hoàn thành tốt nhiệm vụ được giao, gương mẫu, đi đầu trong lao động, sản xuất; tích cực tham gia hưởng ứng đợt thi đua cao điểm tại địa phương, đơn vị;"
    ),
    Bullet(
        "Là tấm gương tiêu biểu, có hành động và việc làm cụ thể thiết thực, sáng kiến, hiệu quả trong lao động, sản xuất góp phần tháo gỡ khó khăn, duy trì việc làm, ổn định đời sống, thu nhập cho Người lao động. Gương mẫu đi đầu trong thực hiện các nội dung đợt thi đua cao điểm đạt hiệu quả, được tập thể đánh giá, ghi nhận."
    ),
    Heading(2, "3. Số lượng, hồ sơ, thời gian đề nghị khen thưởng:"),
    Paragraph(
        (
            Run("a. Số lượng: ("),
            Run("LĐLD Quận Long Biên sẽ xét chọn và phân bổ sau đợt thi đua", italic=True),
            Run(")."),
        )
    ),
    Paragraph(
        "b. Hồ sơ gồm: Tờ trình của Công đoàn cơ sở (kèm theo tóm tắt thành tích của tập thể, cá nhân); báo cáo thành tích của tập thể và cá nhân đề nghị khen thưởng."
    ),
    Paragraph(
        (
            Run("c. Thời gian: Hồ sơ đề nghị khen thưởng gửi về LĐLD Quận Long Biên ("),
            Run("có thông báo sau", italic=True),
            Run(")."),
        )
    ),
    Heading(1, "III. TỔ CHỨC THỰC HIỆN:"),
    Heading(2, "1. Liên đoàn lao động Quận:"),
    Bullet(
        "Xây dựng và triển khai kế hoạch tới các cơ quan, đơn vị, doanh nghiệp, trường học có tổ chức Công đoàn trên địa bàn Quận."
    ),
    Bullet(
        "Hướng dẫn công đoàn cơ sở triển khai thực hiện kế hoạch. Tổng hợp kết quả, tổ chức đánh giá, biểu dương khen thưởng và đề nghị khen thưởng các tập thể, cá nhân có thành tích xuất sắc, nhân rộng các điển hình tiên tiến trong đợt thi đua cao điểm đề nghị các cấp khen thưởng ."
    ),
    Bullet("Tổ chức các hoạt động chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên theo kế hoạch."),
    Heading(2, "2. Công đoàn các Cơ quan, Đơn vị, Doanh nghiệp, Trường học:"),
    Bullet(
        "Căn cứ kế hoạch của LĐLD Quận Long Biên, Công đoàn cơ sở chủ động xây dựng kế hoạch báo cáo cấp ủy Đảng, phối hợp với chính quyền cùng cấp chỉ đạo và tổ chức phát động đợt thi đua đến 100% CNVCLĐ của đơn vị, phù hợp với tình hình thực tế của đơn vị."
    ),
    Bullet(
        (
            Run(
                "Đẩy nhanh tiến độ hoàn thành các công trình, phần việc chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên "
            ),
            Run("chậm nhất trước ngày 15/9/2023", bold=True),
            Run("."),
        )
    ),
    Bullet(
        "Đề xuất các tập thể, cá nhân điển hình tiên tiến có hành động, việc làm cụ thể, thiết thực, hiệu quả trong đợt thi đua cao điểm lập thành tích chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên theo tiêu chí và được LĐLĐ Quận xét chọn."
    ),
    Paragraph(
        (
            Run(
                "Ban Thường vụ LĐLĐ quận Long Biên đề nghị Ban chấp hành công đoàn cơ sở triển khai thực hiện tốt kế hoạch, báo cáo kết quả thực hiện về LĐLĐ Quận Long Biên "
            ),
            Run("chậm nhất ngày 18/9/2023", bold=True),
            Run("."),
        )
    ),
]

HEADINGS = [block.text for block in BODY if isinstance(block, Heading)]
# The sentences that set the plan's deadlines, as the reader must find them in the output.
DEADLINE_SENTENCES = [
    "gửi tư liệu bài viết, hình ảnh qua email: ldldlongbien@gmail.com hoặc zalo LDLD quận chậm nhất trước ngày 15/9/2023.",
    "các cấp Công đoàn tập trung tổ chức phát động đợt thi đua cao điểm trong CNVCLĐ, đoàn viên công đoàn từ ngày 16/8/2023 đến hết ngày 15/9/2023.",
    "Đẩy nhanh tiến độ hoàn thành các công trình, phần việc chào mừng kỷ niệm 20 năm Ngày thành lập quận Long Biên chậm nhất trước ngày 15/9/2023.",
    "báo cáo kết quả thực hiện về LĐLĐ Quận Long Biên chậm nhất ngày 18/9/2023.",
]


def seed_000() -> OfficialDocument:
    return OfficialDocument(
        superior_line="LĐLĐ thành phố Hà Nội",
        body_line="LĐLĐ quận Long Biên",
        number_line=NUMBER_LINE,
        date_line=DATE_LINE,
        type_name=TYPE_NAME,
        summary=[TITLE],
        body=BODY,
        recipients=RECIPIENTS,
        signer_lines=SIGNER_LINES,
        signer_name=SIGNER_NAME,
    )
