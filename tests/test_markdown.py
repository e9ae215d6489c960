"""Lesson and quiz Markdown is rendered with callouts and tables, and sanitised."""
from edu.content.markdown import render_document, render_inline, render_text, sanitize, to_plain


def render(text, problems=None, media=lambda name: f"/media/{name}"):
    return render_document(text, callout_titles={"tip": "Mẹo", "warning": "Cảnh báo", "help": "Tìm trợ giúp"},
                           media_file=media, problems=problems if problems is not None else [])


def test_scripts_event_handlers_and_javascript_links_are_removed():
    html = render('<script>alert(1)</script>\n\n[click](javascript:alert(1))\n\n<img src=x onerror="alert(1)">\n\n'
                  '![x](https://example.org/a.png "t")')
    assert "<script" not in html
    assert 'href="javascript:' not in html
    assert "<img src=x" not in html
    assert '<img src="https://example.org/a.png" alt="x" title="t">' in html


def test_sanitizer_strips_what_markdown_would_let_through():
    dirty = '<a href="javascript:alert(1)" onclick="x()">a</a><img src="x.png" onerror="y()"><iframe></iframe><style>*{}</style>'
    assert sanitize(dirty) == '<a rel="noopener noreferrer">a</a><img src="x.png">'


def test_raw_html_is_shown_as_text_not_markup():
    assert "&lt;iframe" in render_text("<iframe src='https://evil.example'></iframe>")


def test_callouts_with_default_and_custom_titles():
    html = render("::: tip\nGõ địa chỉ.\n:::\n\n::: warning Đừng chuyển tiền\nKhông.\n:::\n\n::: help\nGọi 111.\n:::")
    assert '<aside class="callout callout-tip">' in html
    assert '<p class="callout-title">Mẹo</p>' in html
    assert '<p class="callout-title">Đừng chuyển tiền</p>' in html
    assert '<aside class="callout callout-help">' in html


def test_headings_lists_tables():
    html = render("## A\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |")
    assert "<h2>A</h2>" in html and "<li>one</li>" in html
    assert '<table tabindex="0">' in html and "<td>1</td>" in html  # focusable: it may scroll sideways


def test_local_images_are_checked_and_rewritten():
    problems = []
    html = render("![a](here.png) ![b](gone.png) ![c](notes.txt)",
                  problems, media=lambda name: "/media/here.png" if name == "here.png" else None)
    assert 'src="/media/here.png"' in html
    assert problems == ["image 'gone.png' is not in the lesson's folder",
                        "image 'notes.txt' is not a picture file (.gif, .jpeg, .jpg, .png, .svg, .webp)"]


def test_inline_text_has_no_block_elements():
    assert render_inline("**bold** and <b>raw</b>") == "<strong>bold</strong> and &lt;b&gt;raw&lt;/b&gt;"


def test_plain_text_keeps_words_apart_but_not_punctuation():
    assert to_plain("Tin **SENVANG**, `x.top`.\n\n- one\n- two") == "Tin SENVANG, x.top. one two"
