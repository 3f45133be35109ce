// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#include "lua/modules/KumoJson.h"

#include <lua.hpp>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "common/JsonText.h"
#include "lua/LuaBinding.h"
#include "lua/LuaJson.h"
#include "lua/LuaState.h"
#include "lua/PolicyContext.h"
#include "lua/modules/KumoStubs.h"

namespace Dsn::Lua {

namespace {

/// Reads `path` if it lies below `base`; returns the reason otherwise.
std::optional<QString> readBelow(const QString &base, const QString &path, QByteArray *out, qint64 maxBytes)
{
    if (base.isEmpty())
        return QCoreApplication::translate("KumoJson",
                                           "the file is not bound to the project and no project folder is set");
    const QString full = QDir::isAbsolutePath(path) ? path : QDir(base).filePath(path);
    const QFileInfo info(full);
    if (!info.exists())
        return QCoreApplication::translate("KumoJson", "No such file or directory (os error 2)");
    // Canonical paths resolve symlinks and "..", so neither can lead out of the folder.
    const QString canonicalBase = QFileInfo(base).canonicalFilePath();
    const QString canonical = info.canonicalFilePath();
    if (canonicalBase.isEmpty() || !canonical.startsWith(canonicalBase + QLatin1Char('/')))
        return QCoreApplication::translate("KumoJson",
                                           "outside the project folder %1; bind the file to the project instead")
            .arg(base);
    if (maxBytes > 0 && info.size() > maxBytes)
        return QCoreApplication::translate("KumoJson", "the file is larger than the policy's memory limit");
    QFile file(canonical);
    if (!file.open(QIODevice::ReadOnly))
        return file.errorString();
    *out = file.readAll();
    return std::nullopt;
}

int parseAndPush(lua_State *L, const QByteArray &text, const QString &sourceName)
{
    const auto parsed = JsonText::parse(text, sourceName);
    if (!parsed) {
        const Diagnostic &d = parsed.error();
        QString message = d.message;
        if (d.line > 0)
            message += QCoreApplication::translate("KumoJson", " at line %1 column %2").arg(d.line).arg(d.column);
        return LuaBinding::raise(L, message);
    }
    LuaJson::push(L, *parsed);
    return 1;
}

int jsonLoad(lua_State *L)
{
    const QString path = QString::fromUtf8(LuaBinding::checkBytes(L, 1, "kumo.json_load"));
    PolicyContext &ctx = LuaState::from(L).context();
    QByteArray text;
    auto bound = ctx.boundJson.constFind(path);
    if (bound == ctx.boundJson.constEnd())
        bound = ctx.boundJson.constFind(QDir::cleanPath(path));
    if (bound != ctx.boundJson.constEnd()) {
        text = bound.value();
    } else if (const auto failure =
                   readBelow(ctx.options().baseDirectory, path, &text, ctx.options().memoryLimitBytes)) {
        return LuaBinding::raise(L, QCoreApplication::translate("KumoJson", "reading file %1: %2").arg(path, *failure));
    }
    return parseAndPush(L, text, path);
}

int jsonParse(lua_State *L)
{
    return parseAndPush(L, LuaBinding::checkBytes(L, 1, "kumo.json_parse"), QStringLiteral("<string>"));
}

int encode(lua_State *L, int indent)
{
    lua_settop(L, 1); // json_encode() encodes nil, as serde does with a missing value
    LuaBinding::pushBytes(L, JsonText::dump(LuaJson::toJson(L, 1), indent));
    return 1;
}

int jsonEncode(lua_State *L)
{
    return encode(L, -1);
}

int jsonEncodePretty(lua_State *L)
{
    return encode(L, 2);
}

void setAll(lua_State *L, bool withPretty)
{
    LuaBinding::setFunction(L, "json_load", LuaBinding::guarded<jsonLoad>);
    LuaBinding::setFunction(L, "json_parse", LuaBinding::guarded<jsonParse>);
    LuaBinding::setFunction(L, "json_encode", LuaBinding::guarded<jsonEncode>);
    if (withPretty)
        LuaBinding::setFunction(L, "json_encode_pretty", LuaBinding::guarded<jsonEncodePretty>);
}

} // namespace

void KumoJson::registerIn(LuaState &state)
{
    lua_State *L = state.handle();
    KumoStubs::pushKumo(L);
    setAll(L, false);
    // kumo.serde is a real family in newer releases; its other members (toml, yaml) stay stand-ins.
    lua_getfield(L, -1, "serde");
    setAll(L, true);
    lua_pop(L, 2);
}

} // namespace Dsn::Lua
