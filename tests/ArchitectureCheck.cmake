# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 DSN Workbench authors
#
# The dependency rules the link graph alone does not show. Run as: cmake -DSOURCE_DIR=… -P this.
set(failures "")

function(check_files glob regex what)
    file(GLOB_RECURSE files ${glob})
    foreach(f IN LISTS files)
        file(STRINGS "${f}" hits REGEX "${regex}")
        if(hits)
            string(APPEND failures "${f}: ${what}: ${hits}\n")
            set(failures "${failures}" PARENT_SCOPE)
        endif()
    endforeach()
endfunction()

# engine/ stays headless: no widgets, no GUI, no editor component.
check_files("${SOURCE_DIR}/engine/*.[hc]*" "#include *[<\"](QtWidgets|QtGui|Qsci|QWidget|QApplication|QGuiApplication)"
            "engine must not use QtWidgets, QtGui or QScintilla")
# The command-line tool never needs a display.
check_files("${SOURCE_DIR}/app/cli/*.[hc]*" "#include *[<\"](QtWidgets|QtGui|QWidget|QApplication)"
            "app/cli must not use QtWidgets or QtGui")
# The app only talks to the engine through its public headers.
check_files("${SOURCE_DIR}/app/*.[hc]*" "#include *[<\"][^>\"]*(_p\\.h|/detail/)"
            "app must not include private engine headers")
# Lua's C API stays inside engine/lua.
foreach(dir common rules eval project)
    check_files("${SOURCE_DIR}/engine/${dir}/*.h" "lua_State" "lua_State outside engine/lua")
endforeach()

if(failures)
    message(FATAL_ERROR "Architecture rules broken:\n${failures}")
endif()
message(STATUS "architecture rules hold")
