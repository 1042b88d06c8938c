import LaporCore
