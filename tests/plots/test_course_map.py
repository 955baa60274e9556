from helpers.plots import course_map


def test_two_lines_balances_long_titles():
    assert course_map._two_lines("Layers of representations") == "Layers of\nrepresentations"
    assert course_map._two_lines("Digits through the layers") == "Digits through\nthe layers"
    assert course_map._two_lines("Representations") == "Representations"


def test_road_map_has_every_notebook_and_a_legend_of_parts():
    fig = course_map.plot_road_map(current=3)
    ax = fig.axes[0]
    texts = [t.get_text() for t in ax.texts]
    assert [f"{n:02d}" for n in range(9)] == [t for t in texts if t.isdigit()]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["Start", "Rules and representations", "Classical ML", "Layers", "Outlook"]
    assert ax.get_title()


def test_nested_fields_names_the_three_fields():
    texts = " ".join(t.get_text() for t in course_map.plot_nested_fields().axes[0].texts)
    for field in ("Artificial intelligence", "Machine learning", "Deep learning"):
        assert field in texts
