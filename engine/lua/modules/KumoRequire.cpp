// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "lua/modules/KumoRequire.h"

#include <lua.hpp>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include "lua/LuaBinding.h"
#include "lua/LuaState.h"
#include "lua/PolicyContext.h"
#include "lua/modules/KumoStubs.h"

namespace Dsn::Lua {

namespace {

bool isKumoProvided(const QString &name)
{
    static const QStringList kExact = {QStringLiteral("policy-extras"), QStringLiteral("sqlite"),
                                       QStringLiteral("redis"),         QStringLiteral("amqp"),
                                       QStringLiteral("tsa"),           QStringLiteral("mimepart")};
    static const QStringList kPrefixes = {QStringLiteral("policy-extras."), QStringLiteral("kumo."),
                                          QStringLiteral("mod-")};
    if (kExact.contains(name))
        return true;
    for (const QString &prefix : kPrefixes) {
        if (name.startsWith(prefix))
            return true;
    }
    return false;
}

/// Candidate files for `name`, or none when the name could step outside the folder.
QStringList candidates(const QStringList &folders, const QString &name)
{
    const QStringList parts = name.split(QLatin1Char('.'));
    for (const QString &part : parts) {
        if (part.isEmpty() || part.contains(QLatin1Char('/')) || part.contains(QLatin1Char('\\')))
            return {};
    }
    const QString relative = parts.join(QLatin1Char('/'));
    QStringList files;
    for (const QString &folder : folders) {
        files << QDir(folder).filePath(relative + QStringLiteral(".lua"))
              << QDir(folder).filePath(relative + QStringLiteral("/init.lua"));
    }
    return files;
}

/// Marks a module as loading for as long as its chunk runs; a Lua error unwinds through the
/// destructor too (C++ build of Lua), so a failed load does not leave the mark behind.
class LoadingMark
{
public:
    LoadingMark(QSet<QString> &set, const QString &name) : m_set(set), m_name(name) { m_set.insert(name); }
    ~LoadingMark() { m_set.remove(m_name); }
    LoadingMark(const LoadingMark &) = delete;
    LoadingMark &operator=(const LoadingMark &) = delete;

private:
    QSet<QString> &m_set;
    QString m_name;
};

void storeLoaded(lua_State *L, const QByteArray &name)
{
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
    lua_pushvalue(L, -2);
    lua_setfield(L, -2, name.constData());
    lua_pop(L, 1);
}

int require(lua_State *L)
{
    const QByteArray rawName = LuaBinding::checkBytes(L, 1, "require");
    const QString name = QString::fromUtf8(rawName);
    if (name == QLatin1String("kumo")) {
        KumoStubs::pushKumo(L);
        return 1;
    }
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
    if (lua_getfield(L, -1, rawName.constData()) != LUA_TNIL)
        return 1;
    lua_settop(L, 1);

    LuaState &state = LuaState::from(L);
    PolicyContext &ctx = state.context();
    const QStringList files = candidates(ctx.options().moduleDirectories, name);
    for (const QString &path : files) {
        if (!QFileInfo(path).isFile())
            continue;
        if (ctx.modulesLoading.contains(name))
            return luaL_error(L, "loop or previous error loading module '%s'", rawName.constData());
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return luaL_error(L, "error loading module '%s' from file '%s': %s", rawName.constData(),
                              path.toUtf8().constData(), file.errorString().toUtf8().constData());
        const QByteArray text = file.readAll();
        LoadingMark mark(ctx.modulesLoading, name);
        state.loadChunk(L, text, path);
        lua_pushvalue(L, 1);
        LuaBinding::pushQString(L, path);
        lua_call(L, 2, 1);
        if (lua_isnil(L, -1)) {
            lua_pop(L, 1);
            lua_pushboolean(L, 1);
        }
        storeLoaded(L, rawName);
        LuaBinding::pushQString(L, path);
        return 2;
    }

    if (isKumoProvided(name)) {
        const LuaBinding::Location where = LuaBinding::callerLocation(L, 1);
        ctx.warnOnce(QStringLiteral("stub-module"), name,
                     QCoreApplication::translate("KumoRequire",
                                                 "module '%1' is provided by KumoMTA and not emulated by the "
                                                 "workbench: calls to it are recorded and do nothing")
                         .arg(name),
                     where.source, where.line);
        KumoStubs::pushStandIn(L, name, QStringLiteral("stub-module"));
        storeLoaded(L, rawName);
        return 1;
    }

    QString message = QStringLiteral("module '%1' not found:").arg(name);
    for (const QString &path : files)
        message += QStringLiteral("\n\tno file '%1'").arg(path);
    if (ctx.options().moduleDirectories.isEmpty())
        message += QCoreApplication::translate("KumoRequire", "\n\t(no module folder is configured for this project)");
    if (ctx.options().allowCModules)
        message += QCoreApplication::translate("KumoRequire", "\n\t(C modules are not supported by the workbench)");
    return LuaBinding::raise(L, message);
}

} // namespace

void KumoRequire::registerIn(LuaState &state)
{
    lua_State *L = state.handle();
    lua_pushcfunction(L, LuaBinding::guarded<require>);
    lua_setglobal(L, "require");
}

} // namespace Dsn::Lua
