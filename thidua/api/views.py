"""The API's endpoints: thin, like the pages. Each list starts from the model's scoped reading
(`visible_to`, or the page's own query), each object comes through `core.access.get_for_user`
(404 outside the scope), each permission is the page's rule, and each write calls the page's
service — same validation, workflow and audit."""

import csv
import io

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.response import Response

from thidua.api import filters
from thidua.api import serializers as s
from thidua.awards import honour
from thidua.awards.models import Award, Decision, Nomination
from thidua.campaigns import queries as campaign_queries
from thidua.campaigns.models import Campaign, Deployment
from thidua.core.access import get_for_user, require
from thidua.initiatives import queries as initiative_queries
from thidua.initiatives.models import Initiative, Recognition
from thidua.org import imports
from thidua.org.models import Member, Unit
from thidua.reports import queries as report_queries
from thidua.reports import services as report_services
from thidua.reports.models import Answer, ReportPeriod, Submission, number_text
from thidua.reports.views.board import STATE_LABELS

UNIT_PARAM = OpenApiParameter(
    "unit", OpenApiTypes.INT, description="Đơn vị trong phạm vi (mặc định: đơn vị của vai trò gắn với khóa)"
)
ERRORS = inline_serializer(
    "FieldErrors",
    {"errors": serializers.DictField(child=serializers.ListField(child=serializers.CharField()))},
)


def _ref(unit: Unit) -> dict:
    return {"id": unit.pk, "code": unit.code, "name": unit.name}


def _scope_unit(request, default: Unit) -> Unit:
    """`?unit=` inside the caller's scope (404 outside), else the role's unit — as `?don-vi=`."""
    raw = request.query_params.get("unit")
    if raw:
        if not (raw.isdigit() and len(raw) <= 18):  # SQLite refuses larger integers (OverflowError)
            raise Http404
        return get_for_user(request.user, Unit, raw)
    role = getattr(request.user, "acting_role", None)
    return role.unit if role is not None else default


def _field_errors(error: ValidationError) -> dict:
    return error.message_dict if hasattr(error, "error_dict") else {"non_field_errors": error.messages}


class ReadOnly(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    perm: str | None = None
    object_perm: str | None = None  # asked of the one object a detail answers (404 when refused)
    # Ids in paths: digits only, at most 18 (any other is no page: 404 from the URL resolver).
    lookup_value_regex = r"[0-9]{1,18}"

    def check_page_permission(self) -> None:
        if self.perm is not None:
            require(self.request.user, self.perm)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if not getattr(self, "swagger_fake_view", False):
            self.check_page_permission()

    def get_object(self):
        """The object from the list's own scoped reading: 404 outside it, or when `object_perm` refuses it."""
        return get_for_user(self.request.user, self.get_queryset(), self.kwargs["pk"], perm=self.object_perm)


@extend_schema(tags=["Đơn vị"])
class UnitViewSet(ReadOnly):
    """The union tree in the caller's scope, in tree order (`path`)."""

    perm = "org.browse_units"
    serializer_class = s.UnitSerializer
    filterset_class = filters.UnitFilter

    def get_queryset(self):
        return Unit.objects.visible_to(self.request.user).select_related("kind").order_by("path")

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "names": getattr(self, "_names", {})}

    def _load_names(self, units) -> None:
        paths = {p for unit in units for p in [*unit.ancestor_paths(), unit.path]}
        self._names = dict(
            Unit.objects.visible_to(self.request.user).filter(path__in=paths).values_list("path", "name")
        )

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        self._load_names(page)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, *args, **kwargs):
        unit = self.get_object()
        self._load_names([unit])
        return Response(self.get_serializer(unit).data)


@extend_schema(tags=["Đoàn viên"])
class MemberViewSet(mixins.CreateModelMixin, ReadOnly):
    """Members, for the roles that read the member list (officers): a member's own role and a
    council member's role read nothing here."""

    perm = "org.list_members"
    object_perm = "org.view_member"
    serializer_class = s.MemberSerializer
    parser_classes = [JSONParser]
    filterset_class = filters.MemberFilter

    def get_queryset(self):
        return Member.objects.visible_to(self.request.user).select_related("unit").order_by("unit__path", "id")

    @extend_schema(
        request=s.MembersInSerializer,
        responses={201: s.MembersOutSerializer, 400: ERRORS},
        description=(
            "Ghi nhận đoàn viên theo đúng quy tắc của việc nhập từ Excel: mỗi dòng như một dòng của tệp mẫu. "
            "Có lỗi ở bất kỳ dòng nào thì không dòng nào được ghi; lỗi trả về theo trường `members.<số thứ tự>.<trường>`."
        ),
    )
    def create(self, request, *args, **kwargs):
        require(request.user, "org.import_members")
        payload = s.MembersInSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        columns = imports.member_columns()
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([c.header for c in columns])
        for row in payload.validated_data["members"]:
            writer.writerow([row.get(c.key, "") for c in columns])
        result = imports.import_members(request.user, buffer.getvalue().encode(), "api.csv")
        if not result.ok:
            keys = {c.header: c.key for c in columns}
            errors: dict[str, list[str]] = {}
            for error in result.errors or []:
                key = keys.get(error.column, "non_field_errors")
                field = f"members.{error.row - 2}.{key}" if error.row is not None else "members"
                errors.setdefault(field, []).append(str(error.message))
            return Response({"errors": errors}, status=status.HTTP_400_BAD_REQUEST)
        return Response({"created": result.created}, status=status.HTTP_201_CREATED)


@extend_schema(tags=["Kế hoạch, phong trào"])
class CampaignViewSet(ReadOnly):
    """Plans the caller reads: issued in the scope, deployed to it, or public once issued."""

    serializer_class = s.CampaignSerializer
    filterset_class = filters.CampaignFilter

    def get_queryset(self):
        if self.action == "deployments":
            return Deployment.objects.visible_to(self.request.user).select_related("unit").order_by("unit__path")
        return (
            Campaign.objects.visible_to(self.request.user)
            .select_related("issuer", "register_entry")
            .order_by("-plan_date", "-id")
        )

    @extend_schema(parameters=[UNIT_PARAM], responses=s.CoverageSerializer, filters=False)
    @action(detail=True, filterset_class=None, pagination_class=None)
    def coverage(self, request, pk=None):
        """How far the plan has reached in the unit's subtree, and by child unit (the coverage page)."""
        campaign = get_for_user(request.user, Campaign, pk, perm="campaigns.view_coverage")
        unit = _scope_unit(request, campaign.issuer)
        total = campaign_queries.coverage_total(campaign, unit)
        children = campaign_queries.coverage_by_child(campaign, unit)
        data = {
            "campaign": campaign.pk,
            "unit": _ref(unit),
            "total": vars(total),
            "children": [{"unit": _ref(child), "figures": vars(figures)} for child, figures in children],
        }
        return Response(s.CoverageSerializer(data).data)

    @extend_schema(responses=s.DeploymentSerializer(many=True), filters=True)
    @action(detail=True, serializer_class=s.DeploymentSerializer, filterset_class=filters.DeploymentFilter)
    def deployments(self, request, pk=None):
        """The units the plan was deployed to, in the caller's scope, with where each stands."""
        campaign = get_for_user(request.user, Campaign, pk, perm="campaigns.view_coverage")
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset().filter(campaign=campaign)))
        return self.get_paginated_response(s.DeploymentSerializer(page, many=True).data)


@extend_schema(tags=["Báo cáo"])
class ReportPeriodViewSet(ReadOnly):
    perm = "reports.use_reports"
    serializer_class = s.ReportPeriodSerializer
    filterset_class = filters.ReportPeriodFilter

    def get_queryset(self):
        return ReportPeriod.objects.visible_to(self.request.user).select_related("form", "form__issuer")

    def _board_scope(self) -> tuple[ReportPeriod, Unit]:
        """The board, its units and its roll-up: for who reads the board page, the period in the
        scope and `?unit=` (default: the role's unit)."""
        require(self.request.user, "reports.view_board")
        period = self.get_object()
        return period, _scope_unit(self.request, period.form.issuer)

    @extend_schema(parameters=[UNIT_PARAM], responses=s.BoardSerializer, filters=False)
    @action(detail=True, filterset_class=None, pagination_class=None)
    def board(self, request, pk=None):
        """The status board: on time, late, returned, missing in the unit's subtree, and by child
        unit. The units themselves: `/api/v1/submissions/?period=<id>`."""
        period, unit = self._board_scope()
        today = timezone.localdate()
        total, children = report_queries.board_by_child(period, unit, today)

        def figures(board) -> dict:
            return {
                **{name: getattr(board, name) for name in report_queries.STATES},
                "total": board.total,
                "sent": board.sent,
                "sent_pct": board.sent_pct,
                "on_time_pct": board.on_time_pct,
            }

        data = {
            "period": s.ReportPeriodSerializer(period).data,
            "unit": _ref(unit),
            "overdue": report_queries.is_overdue(period, today),
            "total": figures(total),
            "children": [{"unit": _ref(child), "figures": figures(board)} for child, board in children],
        }
        return Response(data)

    @extend_schema(
        parameters=[
            UNIT_PARAM,
            OpenApiParameter("state", str, enum=list(STATE_LABELS), description="Chỉ các đơn vị ở tình trạng này"),
        ],
        responses=s.BoardRowSerializer(many=True),
        filters=False,
    )
    @action(detail=True, url_path="board/units", filterset_class=None)
    def board_units(self, request, pk=None):
        """The board's units one by one, in tree order, each with its state as the board shows it."""
        period, unit = self._board_scope()
        state = request.query_params.get("state", "")
        if state and state not in STATE_LABELS:
            raise serializers.ValidationError(
                {"state": _("Tình trạng không có: chọn một trong %(states)s.") % {"states": ", ".join(STATE_LABELS)}}
            )
        page = self.paginate_queryset(report_queries.board_rows(period, unit, timezone.localdate(), state))
        for row in page:
            row.state_display = str(STATE_LABELS[row.state])
        return self.get_paginated_response(s.BoardRowSerializer(page, many=True).data)

    @extend_schema(parameters=[UNIT_PARAM], responses=s.RollupSerializer, filters=False)
    @action(detail=True, filterset_class=None, pagination_class=None)
    def rollup(self, request, pk=None):
        """The roll-up (tổng hợp) of the sent reports' indicators for the unit's subtree and by
        child unit, as the roll-up page aggregates them (sum, average, share of yes)."""
        period, unit = self._board_scope()
        indicators = report_queries.rolled_indicators(period)
        whole, children = report_queries.rollup_by_child(period, unit, indicators)

        def row(of: Unit, rollup) -> dict:
            values = []
            for indicator in indicators:
                number = rollup.figures.get(indicator.pk, report_queries.Figure()).value(indicator.aggregation)
                values.append(
                    {
                        "indicator": indicator.pk,
                        "number": None if number is None else f"{number:f}",
                        "value": number_text(number),
                    }
                )
            return {"unit": _ref(of), "reports": rollup.reports, "values": values}

        data = {
            "period": s.ReportPeriodSerializer(period).data,
            "unit": _ref(unit),
            "indicators": [
                {
                    "id": i.pk,
                    "field": i.field_name,
                    "label": i.label,
                    "aggregation": i.aggregation,
                    "aggregation_display": i.get_aggregation_display(),
                }
                for i in indicators
            ],
            "total": row(unit, whole),
            "children": [row(child, rollup) for child, rollup in children],
        }
        return Response(data)


@extend_schema(tags=["Báo cáo"])
class SubmissionViewSet(ReadOnly):
    """Each unit's report for a period, with its answers."""

    perm = "reports.use_reports"
    serializer_class = s.SubmissionSerializer
    filterset_class = filters.SubmissionFilter
    parser_classes = [JSONParser, MultiPartParser]

    def _answers(self):
        return Prefetch(
            "answers", queryset=Answer.objects.select_related("indicator", "attachment").order_by("indicator__order")
        )

    def get_queryset(self):
        return (
            Submission.objects.visible_to(self.request.user)
            .select_related("unit", "period", "period__form")
            .prefetch_related(self._answers())
            .order_by("-period__starts_on", "unit__path", "id")
        )

    @extend_schema(
        request={"application/json": s.SendSubmissionSerializer, "multipart/form-data": s.SendSubmissionSerializer},
        responses={200: s.SubmissionSerializer, 400: ERRORS},
        description=(
            "Lưu nháp hoặc nộp báo cáo của đơn vị, qua đúng dịch vụ của trang báo cáo (cùng kiểm tra, quy trình, "
            "nhật ký). Tệp đính kèm: gửi multipart/form-data, mỗi tệp dưới tên trường của chỉ tiêu (i<id>). "
            "Cần khóa “Đọc và ghi” của chính đơn vị báo cáo."
        ),
        filters=False,
    )
    @action(detail=True, methods=["post"], filterset_class=None, pagination_class=None)
    def send(self, request, pk=None):
        submission = self.get_object()
        if not request.user.has_perm("reports.fill", submission):
            raise ApiPermissionDenied(_("Chỉ chính đơn vị báo cáo mới gửi được báo cáo này."))
        payload = s.SendSubmissionSerializer(data=_plain(request.data))
        payload.is_valid(raise_exception=True)
        answers = payload.validated_data.get("answers") or {}
        if not answers and hasattr(request.data, "getlist"):
            answers = {k: v for k, v in request.data.items() if k.startswith("i") and k[1:].isdigit()}
        indicators = report_services.indicators_of(submission.period.form)
        known = {i.field_name for i in indicators}
        unknown = sorted(set(answers) - known)
        if unknown:
            message = _("Báo cáo này không có chỉ tiêu %(field)s.")
            return Response(
                {"errors": {f"answers.{k}": [message % {"field": k}] for k in unknown}},
                status=status.HTTP_400_BAD_REQUEST,
            )
        values = {i.field_name: answers.get(i.field_name, "") for i in indicators}
        files = {name: upload for name, upload in request.FILES.items() if name in known}
        try:
            report_services.save_report(
                request.user, submission, values=values, files=files, submit=payload.validated_data["submit"]
            )
        except ValidationError as error:
            errors = {f"answers.{k}" if k in known else k: v for k, v in _field_errors(error).items()}
            return Response({"errors": errors}, status=status.HTTP_400_BAD_REQUEST)
        except PermissionDenied:
            raise ApiPermissionDenied(_("Chỉ chính đơn vị báo cáo mới gửi được báo cáo này.")) from None
        return Response(self.get_serializer(self.get_object()).data)


def _plain(data) -> dict:
    """JSON as it came; a multipart form's `submit` (its answers are fields named i<id>)."""
    if hasattr(data, "getlist"):
        return {"submit": data.get("submit", "false")}
    return data if isinstance(data, dict) else {}


@extend_schema(tags=["Khen thưởng"])
class NominationViewSet(ReadOnly):
    object_perm = "awards.view_nomination"
    serializer_class = s.NominationSerializer
    filterset_class = filters.NominationFilter

    def get_queryset(self):
        return (
            Nomination.objects.visible_to(self.request.user)
            .select_related("unit", "level", "award_kind", "subject_member", "subject_unit")
            .order_by("-created_at", "-id")
        )


@extend_schema(tags=["Khen thưởng"])
class DecisionViewSet(ReadOnly):
    """Award decisions of the caller's subtree (the decision's working page) with their awards."""

    serializer_class = s.DecisionSerializer
    filterset_class = filters.DecisionFilter

    def get_queryset(self):
        awards = Prefetch("awards", queryset=Award.objects.select_related("award_kind").order_by("order", "id"))
        return (
            Decision.objects.visible_to(self.request.user)
            .prefetch_related(awards)
            .select_related("unit", "register_entry")
            .order_by("-issued_on", "-id")
        )


@extend_schema(tags=["Bảng vinh danh"])
class HonourRollViewSet(ReadOnly):
    """The public honour roll: campaigns with awards of issued decisions, and their awardees."""

    serializer_class = s.HonouredCampaignSerializer
    filterset_class = None

    def get_queryset(self):
        return honour.honoured_campaigns()

    @extend_schema(responses=s.HonourRollEntrySerializer(many=True), operation_id="honour_roll_awards")
    def retrieve(self, request, *args, **kwargs):
        campaign = honour.honoured_campaign(kwargs["pk"])
        if campaign is None:
            raise Http404
        page = self.paginate_queryset(honour.roll(campaign))
        return self.get_paginated_response(s.HonourRollEntrySerializer(page, many=True).data)


@extend_schema(tags=["Sáng kiến"])
class InitiativeViewSet(ReadOnly):
    """Initiatives as the initiative pages read them: the scope's, and for a member's role its
    own and its unit's recognised ones (the golden book publishes them)."""

    serializer_class = s.InitiativeSerializer
    filterset_class = filters.InitiativeFilter

    def get_queryset(self):
        return Initiative.objects.visible_to(self.request.user).for_table()


@extend_schema(tags=["Sáng kiến"])
class GoldenBookViewSet(mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """A level's golden book (sổ vàng sáng kiến) by its unit's id, by entry number — readable by
    whoever reads that book's page (`initiatives.view_golden_book`)."""

    serializer_class = s.GoldenBookEntrySerializer
    filterset_class = None
    lookup_value_regex = r"[0-9]{1,18}"

    def get_queryset(self):
        return Recognition.objects.none()

    @extend_schema(responses=s.GoldenBookEntrySerializer(many=True), operation_id="golden_book_entries")
    def retrieve(self, request, *args, **kwargs):
        # As the golden book page: the unit by id, then the permission is the whole check (a
        # council seat may read a book above its own unit's scope).
        unit = Unit.objects.filter(pk=kwargs["pk"]).first()
        if unit is None:
            raise Http404
        require(request.user, "initiatives.view_golden_book", unit)
        page = self.paginate_queryset(initiative_queries.golden_book(unit))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)
