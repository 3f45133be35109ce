// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 DSN Workbench authors
#pragma once

#include <optional>
#include <utility>
#include <variant>

#include "common/Diagnostic.h"

namespace Dsn {

/**
 * A value or the Diagnostic explaining why there is none. C++20 has no std::expected, and
 * engine errors are data (they carry rule index, line and position), not bare strings.
 */
template <typename T>
class Result
{
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Diagnostic error) : m_data(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }

    const Diagnostic &error() const { return std::get<Diagnostic>(m_data); }

private:
    std::variant<T, Diagnostic> m_data;
};

} // namespace Dsn
