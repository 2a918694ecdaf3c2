"""``okrsite pull``, migration audit 43 (findings 9 and 10): a source named
by an id in another letter case gets the id to write, and an API's answer
wrapped as ``{"data": [...]}`` is read (its one list), while an object
holding two lists or none is refused saying a list is expected."""

from __future__ import annotations

from pathlib import Path

from conftest import files_of, run_cli, write_site


def pull_site(tmp_path: Path, name: str, answer: str) -> Path:
    return write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "x"\nas_of = 2026-11-20\n'
            f'[[sources]]\nname = "{name}"\nfile = "exports/a.json"\n',
            "exports/a.json": answer,
            "content/kpis/nps.md": "---\ntitle: Net Promoter Score\n---\n",
            "content/objectives/sales/grow.md": "---\ntitle: Grow\ncycle: 2026-Q4\n"
            "key_results:\n  - {id: win-rate, title: Win rate, target: 40}\n---\n",
        },
    )


READINGS = '[{"date": "2026-11-01", "value": 41}]'


def test_a_source_named_by_an_id_in_another_case_gets_the_id(tmp_path: Path) -> None:
    site = pull_site(tmp_path, "NPS", READINGS)
    before = files_of(site)
    code, out = run_cli("pull", "--site", str(site))
    assert code == 1, out
    assert (
        "source 'NPS' failed: the site has no KPI 'NPS' and no key result of that name: "
        "did you mean 'nps'? (write a KPI id, or objective#key-result)"
    ) in out, out
    assert files_of(site) == before


def test_a_key_result_source_in_another_case_gets_its_id(tmp_path: Path) -> None:
    site = pull_site(tmp_path / "kr", "Sales/Grow#Win-Rate", READINGS)
    code, out = run_cli("pull", "--site", str(site))
    assert code == 1, out
    assert "did you mean 'sales/grow#win-rate'?" in out, out


def test_an_api_answer_wrapped_in_one_key_is_read(tmp_path: Path) -> None:
    site = pull_site(tmp_path, "nps", '{"data": [{"date": "2026-11-01", "value": 41}]}')
    code, out = run_cli("pull", "--site", str(site))
    assert code == 0, out
    data = (site / "content/data/nps.csv").read_text(encoding="utf-8")
    assert "2026-11-01,41" in data, data
    code, out = run_cli("check", "--site", str(site))
    assert code == 0 and " 0 errors" in out, out


def test_an_object_of_two_lists_says_a_list_is_expected(tmp_path: Path) -> None:
    site = pull_site(tmp_path, "nps", '{"data": [], "errors": []}')
    before = files_of(site)
    code, out = run_cli("pull", "--site", str(site))
    assert code == 1, out
    assert (
        'JSON must be a list of {"date": …, "value": …} objects, got an object of keys '
        "'data', 'errors' with more than one list: have the source print the list of "
        "readings itself"
    ) in out, out
    assert files_of(site) == before


def test_an_item_without_date_and_value_says_what_is_expected(tmp_path: Path) -> None:
    site = pull_site(tmp_path, "nps", '{"rows": [{"day": "2026-11-01", "nps": 41}]}')
    code, out = run_cli("pull", "--site", str(site))
    assert code == 1, out
    assert (
        'item 1: {"day": "2026-11-01", "nps": 41} has no date and value '
        '(a list of {"date": …, "value": …} objects is expected)'
    ) in out, out
