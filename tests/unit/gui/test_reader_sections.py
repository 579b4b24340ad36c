"""The section tree highlights the section whose text is shown, and the member's actions act on that section."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from gui.main_window import MainWindow
from tests.unit.gui.screen_fit import OLD_MONITOR, set_font_point_size, settle
from tests.unit.gui.study_data import StudyData
from tests.unit.gui.waiting import wait_for_operations

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def open_reader(window: MainWindow, data: StudyData) -> None:
    window.service.accounts.sign_in_member(data.member_id)
    window.sign_in_member(data.member_id)
    # Large letters on a small screen: the text scrolls, and the last section cannot reach the top.
    set_font_point_size(window, 20)
    window.resize(OLD_MONITOR.available)
    settle()
    assert window.study.reader.text.verticalScrollBar().maximum() > 0


def studied_sections(window: MainWindow, data: StudyData) -> set[str]:
    infos = window.service.progress.section_progress(data.member_id, data.document_id)
    return {info.section_id for info in infos if info.studied}


def test_clicking_the_last_section_keeps_it_highlighted_and_marks_it_studied(
    qtbot: QtBot, window: MainWindow, study_data: StudyData
) -> None:
    open_reader(window, study_data)
    reader = window.study.reader
    last_id = study_data.section_ids[-1]
    item = reader._items[last_id]
    reader.tree.scrollToItem(item)
    QTest.mouseClick(reader.tree.viewport(), Qt.MouseButton.LeftButton, pos=reader.tree.visualItemRect(item).center())
    # What the scroll timer does once the text has moved: find the section being read.
    reader._follow_scroll()
    assert reader.tree.currentItem() is item
    assert reader.current_section is not None and reader.current_section.id == last_id
    QTest.mouseClick(reader.studied_box, Qt.MouseButton.LeftButton)
    wait_for_operations()
    assert studied_sections(window, study_data) == {last_id}


def test_show_in_text_highlights_the_sentence_section(qtbot: QtBot, window: MainWindow, study_data: StudyData) -> None:
    open_reader(window, study_data)
    reader = window.study.reader
    text = reader.text.document_text
    for section_id in study_data.section_ids[1:]:
        section = reader._section(section_id)
        assert section is not None
        if section.end <= section.start:
            continue
        # A sentence of this section, centred in the view (its neighbour's text shows above it).
        reader.show_source(section_id, section.start, min(section.end, section.start + 40))
        settle()
        reader._follow_scroll()
        assert reader.current_section is not None and reader.current_section.id == section_id, text[section.start :]
        assert reader.tree.currentItem() is reader._items[section_id]


def test_scrolling_away_from_the_section_follows_the_text(
    qtbot: QtBot, window: MainWindow, study_data: StudyData
) -> None:
    open_reader(window, study_data)
    reader = window.study.reader
    assert reader.content is not None
    reader._tree_activated(reader._items[study_data.section_ids[0]])
    bar = reader.text.verticalScrollBar()
    bar.setValue(bar.maximum())
    top, _bottom = reader.text.visible_range()
    first = reader.content.sections[0]
    following = reader.content.sections[1].heading_start
    assert following <= top, "the first section must have left the view for this test"
    reader._follow_scroll()
    at_top = [section for section in reader.content.sections if section.heading_start <= top][-1]
    assert reader.current_section is not None and reader.current_section.id == at_top.id != first.id
    assert reader.tree.currentItem() is reader._items[at_top.id]


def test_fact_marks_can_be_hidden_and_are_explained(qtbot: QtBot, window: MainWindow, study_data: StudyData) -> None:
    window.service.accounts.sign_in_member(study_data.member_id)
    window.sign_in_member(study_data.member_id)
    reader = window.study.reader
    text = reader.text.document_text
    index = text.index("418 đảng viên")
    assert reader.text.fact_underlined(index)
    assert reader.legend.isVisible() and "gạch chấm" in reader.legend.text()
    assert "ý có câu hỏi" in reader.legend.toolTip()
    QTest.mouseClick(reader.facts_box, Qt.MouseButton.LeftButton)
    assert not reader.text.fact_underlined(index)
    assert not reader.legend.isVisible()
    QTest.mouseClick(reader.facts_box, Qt.MouseButton.LeftButton)
    assert reader.text.fact_underlined(index)
