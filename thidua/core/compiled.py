"""Reads compiled to SQL once per connection, for the few statements every request makes.

Django spends 0.5–1 ms of CPU building and compiling a SELECT that joins a few models — the
select list of every joined model's columns, the joins, the converters — and the database a
tenth of that running it. For the reads on every request or every report submission (the user's
roles, the report being sent) that is a large part of the request (issue 18, BENCHMARKS.md "Cost
of one report submission"). A `CompiledRead` is an ordinary queryset, written with the ORM as
anywhere else, that is built and compiled once per database connection; each call then runs
that SQL with the call's values and turns the rows into model instances the way Django's
`ModelIterable` does (select_related objects included).

Only a read whose SQL does not depend on its values can be compiled: `build` is called twice
with different stand-in values, and the SQL of both must be the same text, each parameter either
the same constant in both or a stand-in (possibly followed by a constant suffix: a tree path's
range `path + PATH_END`). Anything else — a value that changes the SQL, a stand-in transformed
(`startswith` escapes it), a branch the two stand-ins take differently, an empty queryset —
raises `NotCompilable` when the read is first used, so a test of the calling code finds it. A
branch on the value that both stand-ins take alike cannot be seen: `build` must not branch on
its values (branch before, as `org.scoping.CompiledGet` does on the user's scope).

What the ORM would do per row and this keeps: converters, `from_db` (deferred fields, `_state`),
related objects of select_related. What it leaves out: `_known_related_objects` (a related
manager's back-reference — the caller sets it), prefetch_related, iterator chunking (a compiled
read fetches all its rows: keep it to a few).
"""

import itertools

from django.db import connections, router
from django.db.models.query import get_related_populators

_SUFFIX, _VALUE = "suffix", "value"


class NotCompilable(ValueError):
    """The read's SQL depends on its values (see the module's docstring)."""


class CompiledRead:
    """`build(**values)` returns the queryset; `types` names each value and its type (int or
    str). Calling the read with the values returns the list of model instances."""

    _ids = itertools.count(1)

    def __init__(self, build, **types):
        unknown = {name: kind for name, kind in types.items() if kind not in (int, str)}
        if unknown:
            raise NotCompilable(f"only int and str values can be compiled: {unknown}")
        self.build = build
        self.types = types
        self.model = None
        self._key = f"_thidua_compiled_{next(self._ids)}"

    def __call__(self, **values) -> list:
        if values.keys() != self.types.keys():
            raise TypeError(f"expected the values {sorted(self.types)}, got {sorted(values)}")
        if self.model is None:
            self.model = self.build(**self._stand_ins(0)).model
        connection = connections[router.db_for_read(self.model)]
        # One compiled state per connection wrapper (each thread has its own): the compiler
        # keeps the wrapper and its converters, never shared across threads.
        state = connection.__dict__.get(self._key)
        if state is None:
            state = connection.__dict__[self._key] = self._compile(connection)
        sql, slots, compiler, converters, populate = state
        params = [
            constant if kind is None else (values[name] if kind == _VALUE else values[name] + constant)
            for kind, name, constant in slots
        ]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        if converters:
            rows = compiler.apply_converters(rows, converters)
        return [populate(row) for row in rows]

    def _stand_ins(self, round_: int) -> dict:
        stand_ins = {}
        for n, (name, kind) in enumerate(sorted(self.types.items())):
            if kind is int:
                stand_ins[name] = -(7_300_000_000_000 + 1000 * round_ + n)
            else:
                # "%" and "_": a lookup that escapes its value (startswith, contains) changes the
                # stand-in, so it is refused instead of being run unescaped.
                stand_ins[name] = f"\x1ecompiled%{round_}_{n}\x1e"
        return stand_ins

    def _compile(self, connection):
        compiled = []
        for round_ in (0, 1):
            stand_ins = self._stand_ins(round_)
            queryset = self.build(**stand_ins)
            compiler = queryset.query.get_compiler(connection=connection)
            try:
                sql, params = compiler.as_sql()
            except Exception as error:  # EmptyResultSet, FullResultSet: a queryset with no SQL
                raise NotCompilable(f"{self.build!r} has no SQL to compile: {error!r}") from error
            if not sql or compiler.has_extra_select or queryset.query.combinator:
                raise NotCompilable(f"{self.build!r} cannot be compiled")
            compiled.append((sql, params, stand_ins, compiler))
        (sql, params, stand_ins, compiler), (sql_b, params_b, stand_ins_b, _) = compiled
        if sql != sql_b or len(params) != len(params_b):
            raise NotCompilable(f"{self.build!r}: its SQL changes with its values")
        slots = [
            self._slot(value, value_b, stand_ins, stand_ins_b) for value, value_b in zip(params, params_b, strict=True)
        ]
        if {name for kind, name, _ in slots if kind} != set(self.types):
            raise NotCompilable(f"{self.build!r}: a value does not reach the SQL as it was given")
        fields = [s[0] for s in compiler.select[0 : compiler.col_count]]
        converters = compiler.get_converters(fields)
        return sql, slots, compiler, converters, self._populator(compiler, connection.alias)

    @staticmethod
    def _slot(value, value_b, stand_ins, stand_ins_b):
        for name, stand_in in stand_ins.items():
            if value == stand_in and value_b == stand_ins_b[name] and type(value) is type(stand_in):
                return _VALUE, name, None
            if isinstance(stand_in, str) and isinstance(value, str) and value.startswith(stand_in):
                suffix = value[len(stand_in) :]
                if value_b == stand_ins_b[name] + suffix:
                    return _SUFFIX, name, suffix
        if value != value_b or any(str(s) in str(value) for s in stand_ins.values()):
            raise NotCompilable(f"a parameter changes with the values but is not one of them: {value!r}")
        return None, None, value

    @staticmethod
    def _populator(compiler, db):
        """A function from one row to its model instance, as `ModelIterable` builds it."""
        select, klass_info, annotations = compiler.select, compiler.klass_info, compiler.annotation_col_map
        model = klass_info["model"]
        fields = klass_info["select_fields"]
        start, end = fields[0], fields[-1] + 1
        init_list = [f[0].target.attname for f in select[start:end]]
        related = get_related_populators(klass_info, select, db)

        def populate(row):
            obj = model.from_db(db, init_list, row[start:end])
            for populator in related:
                populator.populate(row, obj)
            for name, position in (annotations or {}).items():
                setattr(obj, name, row[position])
            return obj

        return populate
