# The HTML report in a real browser. Label: html.
# `fairport check --example --format html` is written to <build>/artefacts/report.html and loaded
# in headless chromium (Debian's package, installed by .ci/setup): the DOM the browser builds must
# show the figures of the JSON report of the same consignment (total landed cost, each line's
# customs value, the statement on origin) and be self-contained (no script, no http(s) links in
# src/href); a screenshot (report.png) and a printout (report.pdf) are kept as artefacts; the
# shipped 2- and 3-line examples print on at most two A4 pages each.
# A machine without chromium fails these tests with a message: they do not pass silently.
if(TARGET fairport_cli)
  set(FAIRPORT_HTML_PYTHON "/usr/bin/python3" CACHE FILEPATH
      "Python interpreter that drives the HTML report test")
  find_program(FAIRPORT_CHROMIUM NAMES chromium chromium-browser
               DOC "Headless browser for the HTML report test (Debian package chromium)")
  set(_fairport_html_artefacts "${PROJECT_BINARY_DIR}/artefacts")
  set(_fairport_html_driver
      "${FAIRPORT_HTML_PYTHON}" "${CMAKE_CURRENT_LIST_DIR}/check_report.py"
      --fairport "$<TARGET_FILE:fairport_cli>" --chromium "${FAIRPORT_CHROMIUM}"
      --artefacts "${_fairport_html_artefacts}")

  add_test(NAME html.report.generate COMMAND ${_fairport_html_driver} generate)
  set_tests_properties(html.report.generate PROPERTIES LABELS html TIMEOUT 60
    FIXTURES_SETUP fairport_html_report)

  add_test(NAME html.report.browser_dom_shows_the_figures COMMAND ${_fairport_html_driver} dom)
  add_test(NAME html.report.browser_screenshot_and_print COMMAND ${_fairport_html_driver} screenshot)
  add_test(NAME html.report.examples_print_on_two_a4_pages
    COMMAND ${_fairport_html_driver} --examples "${PROJECT_SOURCE_DIR}/src/examples" pages)
  set_tests_properties(html.report.examples_print_on_two_a4_pages PROPERTIES
    LABELS html TIMEOUT 120 RESOURCE_LOCK chromium)
  set_tests_properties(html.report.browser_dom_shows_the_figures
                       html.report.browser_screenshot_and_print PROPERTIES
    LABELS html TIMEOUT 60 RESOURCE_LOCK chromium FIXTURES_REQUIRED fairport_html_report)
endif()
