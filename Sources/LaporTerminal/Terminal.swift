// The terminal shell: the only module that imports CNCursesW.
import CNCursesW
import LaporDesk
