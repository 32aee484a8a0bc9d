"""What the API answers: stable ids, codes for filtering, and beside each code the Vietnamese
label the pages show (`*_display`)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from thidua.awards.models import Award, Decision, Nomination
from thidua.campaigns.models import Campaign, Deployment
from thidua.initiatives.models import Initiative, Recognition
from thidua.org.models import Member, Unit
from thidua.reports.models import Answer, ReportPeriod, Submission


class UnitRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    name = serializers.CharField()


class UnitSerializer(serializers.ModelSerializer):
    kind = serializers.CharField(source="kind.code")
    kind_display = serializers.CharField(source="kind.name")
    status_display = serializers.CharField(source="get_status_display")
    sector_display = serializers.CharField(source="get_sector_display")
    path_names = serializers.SerializerMethodField(
        help_text="Tên các đơn vị từ đơn vị cao nhất trong phạm vi của khóa đến chính đơn vị này."
    )

    class Meta:
        model = Unit
        fields = [
            "id",
            "code",
            "name",
            "kind",
            "kind_display",
            "parent",
            "path",
            "depth",
            "path_names",
            "status",
            "status_display",
            "sector",
            "sector_display",
            "member_count",
            "direct_worker_count",
        ]

    def get_path_names(self, unit) -> list[str]:
        names = self.context.get("names", {})
        return [names[p] for p in [*unit.ancestor_paths(), unit.path] if p in names]


class MemberSerializer(serializers.ModelSerializer):
    unit = UnitRefSerializer()
    gender_display = serializers.CharField(source="get_gender_display")
    officer_type_display = serializers.CharField(source="get_officer_type_display")

    class Meta:
        model = Member
        fields = [
            "id",
            "full_name",
            "gender",
            "gender_display",
            "birth_year",
            "unit",
            "position",
            "is_direct_worker",
            "officer_type",
            "officer_type_display",
            "joined_on",
            "card_number",
        ]


# DRF's Vietnamese catalogue lacks some messages: the API's own input fields say them here.
TEXT = {
    "required": _("Trường này là bắt buộc."),
    "invalid": _("Hãy ghi giá trị dạng chữ."),
    "null": _('Không được để null: để trống thì ghi "".'),
    "max_length": _("Dài quá {max_length} ký tự."),
}


class MemberRowSerializer(serializers.Serializer):
    """One member to record, with the Excel template's values ("Nam"/"Nữ", "Có"/"Không",
    "Chuyên trách", dd/mm/yyyy): the import's own rules decide what is accepted."""

    default_error_messages = {"invalid": _('Mỗi đoàn viên là một đối tượng {{"full_name": …, "gender": …}}.')}

    full_name = serializers.CharField(error_messages=TEXT, allow_blank=True, help_text="Họ và tên (bắt buộc)")
    gender = serializers.CharField(error_messages=TEXT, allow_blank=True, help_text="“Nam” hoặc “Nữ”")
    birth_year = serializers.CharField(
        error_messages=TEXT, required=False, allow_blank=True, help_text="Năm sinh, 4 chữ số"
    )
    unit_code = serializers.CharField(
        error_messages=TEXT, allow_blank=True, help_text="Mã đơn vị (CĐCS hoặc tổ) trong phạm vi"
    )
    position = serializers.CharField(error_messages=TEXT, required=False, allow_blank=True)
    is_direct_worker = serializers.CharField(
        error_messages=TEXT, required=False, allow_blank=True, help_text="“Có” hoặc “Không”"
    )
    officer_type = serializers.CharField(
        error_messages=TEXT,
        required=False,
        allow_blank=True,
        help_text="“Chuyên trách”, “Không chuyên trách” hoặc để trống",
    )
    joined_on = serializers.CharField(error_messages=TEXT, required=False, allow_blank=True, help_text="dd/mm/yyyy")
    card_number = serializers.CharField(error_messages=TEXT, required=False, allow_blank=True)


class MembersInSerializer(serializers.Serializer):
    members = MemberRowSerializer(
        many=True,
        allow_empty=False,
        error_messages={
            "required": _('Hãy gửi danh sách đoàn viên: {{"members": [...]}}.'),
            "not_a_list": _("“members” phải là một danh sách."),
            "empty": _("Danh sách đoàn viên đang trống."),
        },
    )


class MembersOutSerializer(serializers.Serializer):
    created = serializers.IntegerField()


class CampaignSerializer(serializers.ModelSerializer):
    issuer = UnitRefSerializer()
    number = serializers.CharField()
    kind_display = serializers.CharField(source="get_kind_display")
    status_display = serializers.CharField(source="get_status_display")

    class Meta:
        model = Campaign
        fields = [
            "id",
            "number",
            "title",
            "movement_name",
            "kind",
            "kind_display",
            "status",
            "status_display",
            "issuer",
            "plan_date",
            "starts_on",
            "ends_on",
            "implements",
            "is_public",
            "issued_at",
        ]


class DeploymentSerializer(serializers.ModelSerializer):
    unit = UnitRefSerializer()
    status_display = serializers.CharField(source="get_status_display")

    class Meta:
        model = Deployment
        fields = [
            "id",
            "campaign",
            "unit",
            "status",
            "status_display",
            "deployed_at",
            "acknowledged_at",
            "launched_on",
            "members_reached",
            "own_plan",
        ]


class CoverageFiguresSerializer(serializers.Serializer):
    targets = serializers.IntegerField(help_text="Số đơn vị được triển khai")
    acknowledged = serializers.IntegerField(help_text="Đã xác nhận")
    launched = serializers.IntegerField(help_text="Đã phát động")
    own_plans = serializers.IntegerField(help_text="Có kế hoạch của đơn vị")
    members = serializers.IntegerField(help_text="Số đoàn viên")
    members_reached = serializers.IntegerField(help_text="Số đoàn viên được phổ biến")


class CoverageChildSerializer(serializers.Serializer):
    unit = UnitRefSerializer()
    figures = CoverageFiguresSerializer()


class CoverageSerializer(serializers.Serializer):
    campaign = serializers.IntegerField()
    unit = UnitRefSerializer()
    total = CoverageFiguresSerializer()
    children = CoverageChildSerializer(many=True)


class ReportPeriodSerializer(serializers.ModelSerializer):
    form = serializers.IntegerField(source="form_id")
    form_title = serializers.CharField(source="form.title")
    issuer = UnitRefSerializer(source="form.issuer")
    campaign = serializers.IntegerField(source="form.campaign_id", allow_null=True)

    class Meta:
        model = ReportPeriod
        fields = ["id", "form", "form_title", "issuer", "campaign", "label", "starts_on", "ends_on", "due_on"]


class BoardFiguresSerializer(serializers.Serializer):
    on_time = serializers.IntegerField(help_text="Đúng hạn")
    late = serializers.IntegerField(help_text="Nộp muộn")
    returned = serializers.IntegerField(help_text="Bị trả lại")
    missing = serializers.IntegerField(help_text="Chưa nộp, quá hạn")
    waiting = serializers.IntegerField(help_text="Chưa nộp, chưa đến hạn")
    total = serializers.IntegerField()
    sent = serializers.IntegerField()
    sent_pct = serializers.FloatField(help_text="Tỷ lệ đã nộp (%)")
    on_time_pct = serializers.FloatField(help_text="Tỷ lệ đúng hạn trong số đã nộp (%)")


class BoardChildSerializer(serializers.Serializer):
    unit = UnitRefSerializer()
    figures = BoardFiguresSerializer()


class BoardRowSerializer(serializers.Serializer):
    submission = serializers.IntegerField(source="pk")
    unit = UnitRefSerializer()
    parent = serializers.CharField(source="unit.parent.name", allow_null=True, default=None)
    state = serializers.ChoiceField(choices=["on_time", "late", "returned", "missing", "waiting"])
    state_display = serializers.CharField(help_text="Như bảng theo dõi hiển thị (Đúng hạn, Nộp muộn…)")
    submitted_at = serializers.DateTimeField(allow_null=True)
    version = serializers.IntegerField()


class BoardSerializer(serializers.Serializer):
    period = ReportPeriodSerializer()
    unit = UnitRefSerializer()
    overdue = serializers.BooleanField(help_text="Đã quá hạn nộp")
    total = BoardFiguresSerializer()
    children = BoardChildSerializer(many=True)


class IndicatorSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    field = serializers.CharField(help_text="Tên trường khi gửi báo cáo (i<id>)")
    label = serializers.CharField()
    aggregation = serializers.CharField()
    aggregation_display = serializers.CharField()


class RollupValueSerializer(serializers.Serializer):
    indicator = serializers.IntegerField()
    number = serializers.CharField(allow_null=True, help_text="Số liệu tổng hợp, dạng số (vd. 87.5)")
    value = serializers.CharField(help_text="Như trang tổng hợp hiển thị (vd. 87,5)")


class RollupRowSerializer(serializers.Serializer):
    unit = UnitRefSerializer()
    reports = serializers.IntegerField(help_text="Số báo cáo đã nộp")
    values = RollupValueSerializer(many=True)


class RollupSerializer(serializers.Serializer):
    period = ReportPeriodSerializer()
    unit = UnitRefSerializer()
    indicators = IndicatorSerializer(many=True)
    total = RollupRowSerializer()
    children = RollupRowSerializer(many=True)


class AnswerSerializer(serializers.ModelSerializer):
    indicator = serializers.IntegerField(source="indicator_id")
    field = serializers.CharField(source="indicator.field_name", help_text="Tên trường khi gửi báo cáo (i<id>)")
    label = serializers.CharField(source="indicator.label")
    kind = serializers.CharField(source="indicator.kind")
    value = serializers.CharField(source="display", help_text="Giá trị như trang báo cáo hiển thị")
    number = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True, coerce_to_string=True)

    class Meta:
        model = Answer
        fields = ["indicator", "field", "label", "kind", "value", "number", "flag", "text"]


class SubmissionSerializer(serializers.ModelSerializer):
    unit = UnitRefSerializer()
    period_label = serializers.CharField(source="period.label")
    form_title = serializers.CharField(source="period.form.title")
    due_on = serializers.DateField(source="period.due_on")
    status_display = serializers.CharField(source="get_status_display")
    answers = AnswerSerializer(many=True)

    class Meta:
        model = Submission
        fields = [
            "id",
            "period",
            "period_label",
            "form_title",
            "due_on",
            "unit",
            "status",
            "status_display",
            "is_late",
            "version",
            "submitted_at",
            "first_submitted_at",
            "return_reason",
            "answers",
        ]


class SendSubmissionSerializer(serializers.Serializer):
    answers = serializers.DictField(
        child=serializers.CharField(allow_blank=True, max_length=10000, error_messages=TEXT),
        required=False,
        error_messages={"not_a_dict": _('“answers” phải có dạng {{"i<id>": "giá trị"}}.')},
        help_text="Giá trị từng chỉ tiêu theo tên trường (i<id>), như trên trang: số nguyên “125”, tỷ lệ “87,5”, “yes”/“no”.",
    )
    submit = serializers.BooleanField(
        default=False,
        help_text="true: nộp lên cấp trên; false: lưu nháp",
        error_messages={"invalid": _("“submit” phải là true hoặc false.")},
    )


class NominationSerializer(serializers.ModelSerializer):
    unit = UnitRefSerializer()
    level = UnitRefSerializer()
    award_kind = serializers.CharField(source="award_kind.name")
    subject_name = serializers.CharField()
    is_collective = serializers.BooleanField()
    status_display = serializers.CharField(source="get_status_display")

    class Meta:
        model = Nomination
        fields = [
            "id",
            "campaign",
            "award_kind",
            "unit",
            "level",
            "subject_name",
            "is_collective",
            "achievement",
            "status",
            "status_display",
            "submitted_at",
        ]


class AwardSerializer(serializers.ModelSerializer):
    award_kind = serializers.CharField(source="award_kind.name")

    class Meta:
        model = Award
        fields = ["id", "award_kind", "year", "name", "position", "campaign"]


class DecisionSerializer(serializers.ModelSerializer):
    unit = UnitRefSerializer()
    number = serializers.CharField()
    status_display = serializers.CharField(source="get_status_display")
    awards = AwardSerializer(many=True)

    class Meta:
        model = Decision
        fields = ["id", "number", "title", "unit", "campaign", "status", "status_display", "issued_on", "awards"]


class HonouredCampaignSerializer(serializers.ModelSerializer):
    issuer = UnitRefSerializer()
    award_count = serializers.IntegerField()

    class Meta:
        model = Campaign
        fields = ["id", "title", "issuer", "starts_on", "ends_on", "award_count"]


class HonourRollEntrySerializer(serializers.ModelSerializer):
    award_kind = serializers.CharField(source="award_kind.name")
    is_individual = serializers.BooleanField()

    class Meta:
        model = Award
        fields = ["id", "award_kind", "name", "position", "is_individual"]


class InitiativeSerializer(serializers.ModelSerializer):
    unit = UnitRefSerializer()
    level = UnitRefSerializer()
    kind_display = serializers.CharField(source="get_kind_display")
    status_display = serializers.CharField(source="get_status_display")

    class Meta:
        model = Initiative
        fields = [
            "id",
            "title",
            "kind",
            "kind_display",
            "status",
            "status_display",
            "unit",
            "level",
            "campaign",
            "submitted_on",
            "recognised_on",
            "benefit_amount",
        ]


class GoldenBookEntrySerializer(serializers.ModelSerializer):
    initiative = serializers.IntegerField(source="initiative_id")
    title = serializers.CharField(source="initiative.title")
    initiative_unit = UnitRefSerializer(source="initiative.unit")
    decision_number = serializers.CharField(source="decision.register_entry.symbol")

    class Meta:
        model = Recognition
        fields = [
            "entry_number",
            "initiative",
            "title",
            "initiative_unit",
            "authors_text",
            "recognised_on",
            "decision_number",
        ]
