# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 DSN Workbench authors
#
# Builds a TGZ package with CPack into a scratch folder and checks that the archive lists every
# expected file. Run by ctest:
#   cmake -DCPACK_COMMAND=<cpack> -DCPACK_CONFIG=<build>/CPackConfig.cmake -DWORK_DIR=<scratch>
#         -DEXPECTED=<path>,<path>,... -P CheckPackageContents.cmake
# EXPECTED holds install-relative paths (bin/…, share/…), separated by commas because ctest
# would split a semicolon list into separate arguments.
cmake_minimum_required(VERSION 3.25)

foreach(var CPACK_COMMAND CPACK_CONFIG WORK_DIR EXPECTED)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "CheckPackageContents: -D${var}= is missing")
    endif()
endforeach()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

execute_process(
    COMMAND "${CPACK_COMMAND}" -G TGZ --config "${CPACK_CONFIG}" -B "${WORK_DIR}"
    RESULT_VARIABLE rc
    OUTPUT_VARIABLE out
    ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cpack -G TGZ failed (${rc}):\n${out}\n${err}")
endif()

file(GLOB archives "${WORK_DIR}/*.tar.gz")
list(LENGTH archives count)
if(NOT count EQUAL 1)
    message(FATAL_ERROR "expected one .tar.gz in ${WORK_DIR}, found ${count}: ${archives}\n${out}")
endif()

execute_process(
    COMMAND "${CMAKE_COMMAND}" -E tar tf "${archives}"
    RESULT_VARIABLE rc
    OUTPUT_VARIABLE listing
    ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cannot list ${archives}: ${err}")
endif()

# Entries look like dsn-workbench-0.1.0-Linux/share/…; compare without the top folder.
string(REPLACE "\n" ";" entries "${listing}")
set(relative "")
foreach(entry IN LISTS entries)
    if(entry MATCHES "^[^/]+/(.+[^/])$")
        list(APPEND relative "${CMAKE_MATCH_1}")
    endif()
endforeach()

string(REPLACE "," ";" expected "${EXPECTED}")
set(missing "")
foreach(path IN LISTS expected)
    if(NOT path IN_LIST relative)
        list(APPEND missing "${path}")
    endif()
endforeach()

if(missing)
    list(JOIN missing "\n  " missing_text)
    message(FATAL_ERROR "${archives} lacks:\n  ${missing_text}\nIt holds:\n${listing}")
endif()
list(LENGTH expected n)
get_filename_component(name "${archives}" NAME)
message(STATUS "${name}: all ${n} expected files present")
file(REMOVE_RECURSE "${WORK_DIR}")
